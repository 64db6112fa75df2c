-- AlterEnum
ALTER TYPE "PaymentStatus" ADD VALUE 'PARTIALLY_REFUNDED';

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "refundedAmount" INTEGER NOT NULL DEFAULT 0;


-- payment.updated, which nothing sent, is replaced by payment.created and payment.refunded: an endpoint
-- that subscribed to it gets both.
UPDATE "WebhookEndpoint"
SET "eventTypes" = array_remove("eventTypes", 'payment.updated') || ARRAY['payment.created', 'payment.refunded']
WHERE 'payment.updated' = ANY("eventTypes");

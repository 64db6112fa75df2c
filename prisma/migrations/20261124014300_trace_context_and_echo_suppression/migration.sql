-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN     "apiKeyId" TEXT,
ADD COLUMN     "traceparent" TEXT;

-- AlterTable
ALTER TABLE "RequestLog" ADD COLUMN     "traceparent" TEXT;

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "traceparent" TEXT;

-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "ownerKeyId" TEXT,
ADD COLUMN     "skipOwnEvents" BOOLEAN NOT NULL DEFAULT false;


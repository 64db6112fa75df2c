-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "leaseToken" TEXT;

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_status_nextAttemptAt_idx" ON "WebhookDelivery"("endpointId", "status", "nextAttemptAt");


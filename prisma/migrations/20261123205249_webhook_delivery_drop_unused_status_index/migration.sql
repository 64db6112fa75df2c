-- Nothing reads it: the worker claims deliveries per endpoint ("endpointId", status, "nextAttemptAt"). One index fewer to write for every delivery made, leased and recorded.
-- DropIndex
DROP INDEX "WebhookDelivery_status_nextAttemptAt_idx";


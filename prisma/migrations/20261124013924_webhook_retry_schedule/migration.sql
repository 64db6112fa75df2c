-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "retrySchedule" TEXT NOT NULL DEFAULT 'standard';


-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "note" TEXT;

-- AlterTable
ALTER TABLE "RequestLog" ADD COLUMN     "responseHeaders" JSONB NOT NULL DEFAULT '{}';


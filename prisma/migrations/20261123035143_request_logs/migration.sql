-- AlterTable
ALTER TABLE "Property" ADD COLUMN     "logRetentionDays" INTEGER NOT NULL DEFAULT 30;

-- CreateTable
CREATE TABLE "RequestLog" (
    "id" TEXT NOT NULL,
    "propertyId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "query" JSONB NOT NULL DEFAULT '{}',
    "status" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "apiKeyId" TEXT,
    "keyPreview" TEXT,
    "mode" "ApiKeyMode",
    "partnerId" TEXT,
    "partnerName" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "requestHeaders" JSONB NOT NULL DEFAULT '{}',
    "requestBody" TEXT,
    "responseBody" TEXT,
    "errorCode" TEXT,

    CONSTRAINT "RequestLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RequestLog_propertyId_createdAt_id_idx" ON "RequestLog"("propertyId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "RequestLog_propertyId_status_createdAt_idx" ON "RequestLog"("propertyId", "status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "RequestLog_propertyId_method_createdAt_idx" ON "RequestLog"("propertyId", "method", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "RequestLog_propertyId_apiKeyId_createdAt_idx" ON "RequestLog"("propertyId", "apiKeyId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "RequestLog" ADD CONSTRAINT "RequestLog_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property"("id") ON DELETE CASCADE ON UPDATE CASCADE;


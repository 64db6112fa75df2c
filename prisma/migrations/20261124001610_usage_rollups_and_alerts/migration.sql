-- AlterTable
ALTER TABLE "RequestLog" ADD COLUMN     "route" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mutedAlertEmails" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "consecutiveFailures" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ApiUsageRollup" (
    "propertyId" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL DEFAULT '',
    "requests" INTEGER NOT NULL,
    "ok" INTEGER NOT NULL,
    "clientErrors" INTEGER NOT NULL,
    "rateLimited" INTEGER NOT NULL,
    "serverErrors" INTEGER NOT NULL,
    "durationSum" BIGINT NOT NULL,
    "latency" INTEGER[],
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "lastOkAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiUsageRollup_pkey" PRIMARY KEY ("propertyId","width","bucket","apiKeyId","partnerId")
);

-- CreateTable
CREATE TABLE "ApiRouteRollup" (
    "propertyId" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL DEFAULT '',
    "method" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "errorCode" TEXT NOT NULL DEFAULT '',
    "requests" INTEGER NOT NULL,
    "durationSum" BIGINT NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApiRouteRollup_pkey" PRIMARY KEY ("propertyId","bucket","apiKeyId","partnerId","method","route","status","errorCode")
);

-- CreateTable
CREATE TABLE "ApiKeyClientIp" (
    "apiKeyId" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "propertyId" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "requests" INTEGER NOT NULL,

    CONSTRAINT "ApiKeyClientIp_pkey" PRIMARY KEY ("apiKeyId","ip")
);

-- CreateTable
CREATE TABLE "WebhookDeliveryRollup" (
    "endpointId" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "propertyId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "succeeded" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "exhausted" INTEGER NOT NULL,
    "durationSum" BIGINT NOT NULL,
    "latency" INTEGER[],
    "lastSucceededAt" TIMESTAMPTZ(3),
    "lastFailedAt" TIMESTAMPTZ(3),

    CONSTRAINT "WebhookDeliveryRollup_pkey" PRIMARY KEY ("endpointId","width","bucket")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "propertyId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "actionLabel" TEXT NOT NULL,
    "actionHref" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "emailedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertRead" (
    "alertId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "readAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertRead_pkey" PRIMARY KEY ("alertId","userId")
);

-- CreateIndex
CREATE INDEX "ApiUsageRollup_apiKeyId_width_bucket_idx" ON "ApiUsageRollup"("apiKeyId", "width", "bucket");

-- CreateIndex
CREATE INDEX "ApiUsageRollup_width_bucket_idx" ON "ApiUsageRollup"("width", "bucket");

-- CreateIndex
CREATE INDEX "ApiRouteRollup_apiKeyId_bucket_idx" ON "ApiRouteRollup"("apiKeyId", "bucket");

-- CreateIndex
CREATE INDEX "ApiKeyClientIp_firstSeenAt_idx" ON "ApiKeyClientIp"("firstSeenAt");

-- CreateIndex
CREATE INDEX "WebhookDeliveryRollup_propertyId_width_bucket_idx" ON "WebhookDeliveryRollup"("propertyId", "width", "bucket");

-- CreateIndex
CREATE INDEX "Alert_propertyId_createdAt_idx" ON "Alert"("propertyId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Alert_rule_subjectId_resolvedAt_idx" ON "Alert"("rule", "subjectId", "resolvedAt");

-- CreateIndex
CREATE INDEX "Alert_emailedAt_createdAt_idx" ON "Alert"("emailedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_propertyId_dedupeKey_key" ON "Alert"("propertyId", "dedupeKey");

-- CreateIndex
CREATE INDEX "AlertRead_userId_idx" ON "AlertRead"("userId");

-- AddForeignKey
ALTER TABLE "ApiUsageRollup" ADD CONSTRAINT "ApiUsageRollup_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiRouteRollup" ADD CONSTRAINT "ApiRouteRollup_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKeyClientIp" ADD CONSTRAINT "ApiKeyClientIp_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDeliveryRollup" ADD CONSTRAINT "WebhookDeliveryRollup_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDeliveryRollup" ADD CONSTRAINT "WebhookDeliveryRollup_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertRead" ADD CONSTRAINT "AlertRead_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertRead" ADD CONSTRAINT "AlertRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


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
    "width" INTEGER NOT NULL,
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

    CONSTRAINT "ApiRouteRollup_pkey" PRIMARY KEY ("propertyId","width","bucket","apiKeyId","partnerId","method","route","status","errorCode")
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
CREATE INDEX "ApiRouteRollup_apiKeyId_width_bucket_idx" ON "ApiRouteRollup"("apiKeyId", "width", "bucket");

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


-- Rollups of the request logs and webhook attempts kept so far (generated from lib/rollups/backfill-rollups.ts).
WITH source AS (
    SELECT "propertyId", coalesce("apiKeyId", '') AS "apiKeyId", coalesce("partnerId", '') AS "partnerId", coalesce(route, '') AS route,
      coalesce("errorCode", '') AS "errorCode", "createdAt", method, status, "durationMs", ip
    FROM "RequestLog" WHERE true
  ), usage_rollup AS (
    INSERT INTO "ApiUsageRollup" AS t ("propertyId", width, bucket, "apiKeyId", "partnerId", requests, ok, "clientErrors", "rateLimited",
      "serverErrors", "durationSum", latency, "lastSeenAt", "lastOkAt")
    SELECT "propertyId", w.width, date_bin(make_interval(secs => w.width), "createdAt", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "apiKeyId", "partnerId", count(*),
      count(*) FILTER (WHERE status < 400), count(*) FILTER (WHERE status >= 400 AND status < 500 AND status <> 429),
      count(*) FILTER (WHERE status = 429), count(*) FILTER (WHERE status >= 500), sum("durationMs"), ARRAY[count(*) FILTER (WHERE (true) AND "durationMs" < 5), count(*) FILTER (WHERE (true) AND "durationMs" >= 5 AND "durationMs" < 10), count(*) FILTER (WHERE (true) AND "durationMs" >= 10 AND "durationMs" < 20), count(*) FILTER (WHERE (true) AND "durationMs" >= 20 AND "durationMs" < 35), count(*) FILTER (WHERE (true) AND "durationMs" >= 35 AND "durationMs" < 50), count(*) FILTER (WHERE (true) AND "durationMs" >= 50 AND "durationMs" < 75), count(*) FILTER (WHERE (true) AND "durationMs" >= 75 AND "durationMs" < 100), count(*) FILTER (WHERE (true) AND "durationMs" >= 100 AND "durationMs" < 150), count(*) FILTER (WHERE (true) AND "durationMs" >= 150 AND "durationMs" < 250), count(*) FILTER (WHERE (true) AND "durationMs" >= 250 AND "durationMs" < 400), count(*) FILTER (WHERE (true) AND "durationMs" >= 400 AND "durationMs" < 600), count(*) FILTER (WHERE (true) AND "durationMs" >= 600 AND "durationMs" < 1000), count(*) FILTER (WHERE (true) AND "durationMs" >= 1000 AND "durationMs" < 1500), count(*) FILTER (WHERE (true) AND "durationMs" >= 1500 AND "durationMs" < 2500), count(*) FILTER (WHERE (true) AND "durationMs" >= 2500 AND "durationMs" < 4000), count(*) FILTER (WHERE (true) AND "durationMs" >= 4000 AND "durationMs" < 6000), count(*) FILTER (WHERE (true) AND "durationMs" >= 6000 AND "durationMs" < 10000), count(*) FILTER (WHERE (true) AND "durationMs" >= 10000 AND "durationMs" < 15000), count(*) FILTER (WHERE (true) AND "durationMs" >= 15000 AND "durationMs" < 30000), count(*) FILTER (WHERE (true) AND "durationMs" >= 30000)]::int[],
      max("createdAt"), max("createdAt") FILTER (WHERE status < 400)
    FROM source CROSS JOIN (VALUES (60), (3600)) AS w(width)
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("propertyId", width, bucket, "apiKeyId", "partnerId") DO UPDATE SET
      "requests" = t."requests" + EXCLUDED."requests", "ok" = t."ok" + EXCLUDED."ok", "clientErrors" = t."clientErrors" + EXCLUDED."clientErrors", "rateLimited" = t."rateLimited" + EXCLUDED."rateLimited", "serverErrors" = t."serverErrors" + EXCLUDED."serverErrors", "durationSum" = t."durationSum" + EXCLUDED."durationSum",
      latency = ARRAY(SELECT coalesce(a, 0) + coalesce(b, 0) FROM unnest(t.latency, EXCLUDED.latency) WITH ORDINALITY AS u(a, b, i) ORDER BY i), "lastSeenAt" = greatest(t."lastSeenAt", EXCLUDED."lastSeenAt"), "lastOkAt" = greatest(t."lastOkAt", EXCLUDED."lastOkAt")
    RETURNING 1
  ), route_rollup AS (
    INSERT INTO "ApiRouteRollup" AS t ("propertyId", width, bucket, "apiKeyId", "partnerId", method, route, status, "errorCode", requests, "durationSum",
      "lastSeenAt")
    SELECT "propertyId", w.width, date_bin(make_interval(secs => w.width), "createdAt", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "apiKeyId", "partnerId", method, route, status, "errorCode", count(*),
      sum("durationMs"), max("createdAt")
    FROM source CROSS JOIN (VALUES (3600), (86400)) AS w(width)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT ("propertyId", width, bucket, "apiKeyId", "partnerId", method, route, status, "errorCode") DO UPDATE SET
      "requests" = t."requests" + EXCLUDED."requests", "durationSum" = t."durationSum" + EXCLUDED."durationSum", "lastSeenAt" = greatest(t."lastSeenAt", EXCLUDED."lastSeenAt")
    RETURNING 1
  ), ip_rollup AS (
    INSERT INTO "ApiKeyClientIp" AS t ("apiKeyId", ip, "propertyId", "firstSeenAt", "lastSeenAt", requests)
    SELECT "apiKeyId", ip, min("propertyId"), min("createdAt"), max("createdAt"), count(*)
    FROM source WHERE ip IS NOT NULL AND "apiKeyId" <> ''
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("apiKeyId", ip) DO UPDATE SET
      "firstSeenAt" = least(t."firstSeenAt", EXCLUDED."firstSeenAt"), "lastSeenAt" = greatest(t."lastSeenAt", EXCLUDED."lastSeenAt"), "requests" = t."requests" + EXCLUDED."requests"
    RETURNING 1
  )
  SELECT count(*)::int AS rows FROM source;

WITH source AS (
    SELECT d."endpointId", d."propertyId", a."createdAt" + make_interval(secs => a."durationMs" / 1000.0) AS "finishedAt", a."durationMs",
      CASE WHEN a."responseStatus" BETWEEN 200 AND 299 THEN 'SUCCEEDED'
           WHEN d.status = 'FAILED' AND a."attemptNumber" = d."attemptCount" THEN 'FAILED'
           ELSE 'PENDING' END AS status
    FROM "WebhookAttempt" a JOIN "WebhookDelivery" d ON d.id = a."deliveryId" WHERE true
  ), delivery_rollup AS (
    INSERT INTO "WebhookDeliveryRollup" AS t ("endpointId", width, bucket, "propertyId", attempts, succeeded, failed, exhausted, "durationSum",
      latency, "lastSucceededAt", "lastFailedAt")
    SELECT "endpointId", w.width, date_bin(make_interval(secs => w.width), "finishedAt", TIMESTAMPTZ '2000-01-01 00:00:00+00'), min("propertyId"), count(*),
      count(*) FILTER (WHERE status = 'SUCCEEDED'), count(*) FILTER (WHERE status <> 'SUCCEEDED'), count(*) FILTER (WHERE status = 'FAILED'),
      sum("durationMs"), ARRAY[count(*) FILTER (WHERE (true) AND "durationMs" < 5), count(*) FILTER (WHERE (true) AND "durationMs" >= 5 AND "durationMs" < 10), count(*) FILTER (WHERE (true) AND "durationMs" >= 10 AND "durationMs" < 20), count(*) FILTER (WHERE (true) AND "durationMs" >= 20 AND "durationMs" < 35), count(*) FILTER (WHERE (true) AND "durationMs" >= 35 AND "durationMs" < 50), count(*) FILTER (WHERE (true) AND "durationMs" >= 50 AND "durationMs" < 75), count(*) FILTER (WHERE (true) AND "durationMs" >= 75 AND "durationMs" < 100), count(*) FILTER (WHERE (true) AND "durationMs" >= 100 AND "durationMs" < 150), count(*) FILTER (WHERE (true) AND "durationMs" >= 150 AND "durationMs" < 250), count(*) FILTER (WHERE (true) AND "durationMs" >= 250 AND "durationMs" < 400), count(*) FILTER (WHERE (true) AND "durationMs" >= 400 AND "durationMs" < 600), count(*) FILTER (WHERE (true) AND "durationMs" >= 600 AND "durationMs" < 1000), count(*) FILTER (WHERE (true) AND "durationMs" >= 1000 AND "durationMs" < 1500), count(*) FILTER (WHERE (true) AND "durationMs" >= 1500 AND "durationMs" < 2500), count(*) FILTER (WHERE (true) AND "durationMs" >= 2500 AND "durationMs" < 4000), count(*) FILTER (WHERE (true) AND "durationMs" >= 4000 AND "durationMs" < 6000), count(*) FILTER (WHERE (true) AND "durationMs" >= 6000 AND "durationMs" < 10000), count(*) FILTER (WHERE (true) AND "durationMs" >= 10000 AND "durationMs" < 15000), count(*) FILTER (WHERE (true) AND "durationMs" >= 15000 AND "durationMs" < 30000), count(*) FILTER (WHERE (true) AND "durationMs" >= 30000)]::int[], max("finishedAt") FILTER (WHERE status = 'SUCCEEDED'),
      max("finishedAt") FILTER (WHERE status <> 'SUCCEEDED')
    FROM source CROSS JOIN (VALUES (60), (3600)) AS w(width)
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("endpointId", width, bucket) DO UPDATE SET
      "attempts" = t."attempts" + EXCLUDED."attempts", "succeeded" = t."succeeded" + EXCLUDED."succeeded", "failed" = t."failed" + EXCLUDED."failed", "exhausted" = t."exhausted" + EXCLUDED."exhausted", "durationSum" = t."durationSum" + EXCLUDED."durationSum",
      latency = ARRAY(SELECT coalesce(a, 0) + coalesce(b, 0) FROM unnest(t.latency, EXCLUDED.latency) WITH ORDINALITY AS u(a, b, i) ORDER BY i), "lastSucceededAt" = greatest(t."lastSucceededAt", EXCLUDED."lastSucceededAt"), "lastFailedAt" = greatest(t."lastFailedAt", EXCLUDED."lastFailedAt")
    RETURNING 1
  )
  SELECT count(*)::int AS rows FROM source;

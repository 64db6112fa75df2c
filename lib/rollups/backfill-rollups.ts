// Rollups built from rows already stored: the migration that introduced them ran this SQL once for the
// logs and attempts kept until then, and `npm run bench:logs` builds its benchmark's rollups with it.
// Adding to existing rollups, it must run once per range of rows (running it twice counts them twice).
import { deliveryRollupCte, REQUEST_ROLLUP_COLUMNS, requestRollupCtes } from "./rollup-sql";

/** Request-log rows as the rollup CTEs read them, with `where` over "RequestLog" (parameters are the caller's). */
export function requestBackfillSql(where = "true"): string {
  return `WITH source AS (
    SELECT ${REQUEST_ROLLUP_COLUMNS}
    FROM "RequestLog" WHERE ${where}
  ), ${requestRollupCtes("source")}
  SELECT count(*)::int AS rows FROM source`;
}

/** Stored webhook attempts (with `where` over "WebhookDelivery" d), each counted as the delivery's state after it. */
export function deliveryBackfillSql(where = "true"): string {
  return `WITH source AS (
    SELECT d."endpointId", d."propertyId", a."createdAt" + make_interval(secs => a."durationMs" / 1000.0) AS "finishedAt", a."durationMs",
      CASE WHEN a."responseStatus" BETWEEN 200 AND 299 THEN 'SUCCEEDED'
           WHEN d.status = 'FAILED' AND a."attemptNumber" = d."attemptCount" THEN 'FAILED'
           ELSE 'PENDING' END AS status
    FROM "WebhookAttempt" a JOIN "WebhookDelivery" d ON d.id = a."deliveryId" WHERE ${where}
  ), ${deliveryRollupCte("source")}
  SELECT count(*)::int AS rows FROM source`;
}

// The statements that keep the rollups: each is a data-modifying CTE the writer of the raw rows adds to
// its own INSERT, so the rows and their counts commit together (a retried batch whose rows already exist
// inserts nothing and so counts nothing twice). Rows are upserted in key order, so two instances adding
// to the same minute wait for each other instead of deadlocking.
import { histogramSql, mergeHistogramSql } from "./latency-histogram";

/** Per-minute and per-hour rows; the operations' rows per hour and per day. */
export const ROLLUP_WIDTHS_SECONDS = [60, 3600] as const;
export const ROUTE_ROLLUP_WIDTHS_SECONDS = [3600, 86400] as const;
const widths = (list: readonly number[]) => `(VALUES ${list.map((w) => `(${w})`).join(", ")}) AS w(width)`;
const WIDTHS = widths(ROLLUP_WIDTHS_SECONDS);
const binned = (width: string, at: string) => `date_bin(make_interval(secs => ${width}), ${at}, TIMESTAMPTZ '2000-01-01 00:00:00+00')`;
const add = (...columns: string[]) => columns.map((c) => `"${c}" = t."${c}" + EXCLUDED."${c}"`).join(", ");
const latest = (...columns: string[]) => columns.map((c) => `"${c}" = greatest(t."${c}", EXCLUDED."${c}")`).join(", ");

/** The columns of a request-log row the request rollups read: what the log writer returns from its insert and the backfill selects. */
export const REQUEST_ROLLUP_COLUMNS = `"propertyId", coalesce("apiKeyId", '') AS "apiKeyId", coalesce("partnerId", '') AS "partnerId", coalesce(route, '') AS route,
      coalesce("errorCode", '') AS "errorCode", "createdAt", method, status, "durationMs", ip`;

/** CTEs over `source`, a CTE of request-log rows with the columns REQUEST_ROLLUP_COLUMNS selects. */
export function requestRollupCtes(source: string): string {
  return `usage_rollup AS (
    INSERT INTO "ApiUsageRollup" AS t ("propertyId", width, bucket, "apiKeyId", "partnerId", requests, ok, "clientErrors", "rateLimited",
      "serverErrors", "durationSum", latency, "lastSeenAt", "lastOkAt")
    SELECT "propertyId", w.width, ${binned("w.width", '"createdAt"')}, "apiKeyId", "partnerId", count(*),
      count(*) FILTER (WHERE status < 400), count(*) FILTER (WHERE status >= 400 AND status < 500 AND status <> 429),
      count(*) FILTER (WHERE status = 429), count(*) FILTER (WHERE status >= 500), sum("durationMs"), ${histogramSql('"durationMs"')},
      max("createdAt"), max("createdAt") FILTER (WHERE status < 400)
    FROM ${source} CROSS JOIN ${WIDTHS}
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("propertyId", width, bucket, "apiKeyId", "partnerId") DO UPDATE SET
      ${add("requests", "ok", "clientErrors", "rateLimited", "serverErrors", "durationSum")},
      latency = ${mergeHistogramSql("t.latency", "EXCLUDED.latency")}, ${latest("lastSeenAt", "lastOkAt")}
    RETURNING 1
  ), route_rollup AS (
    INSERT INTO "ApiRouteRollup" AS t ("propertyId", width, bucket, "apiKeyId", "partnerId", method, route, status, "errorCode", requests, "durationSum",
      "lastSeenAt")
    SELECT "propertyId", w.width, ${binned("w.width", '"createdAt"')}, "apiKeyId", "partnerId", method, route, status, "errorCode", count(*),
      sum("durationMs"), max("createdAt")
    FROM ${source} CROSS JOIN ${widths(ROUTE_ROLLUP_WIDTHS_SECONDS)}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT ("propertyId", width, bucket, "apiKeyId", "partnerId", method, route, status, "errorCode") DO UPDATE SET
      ${add("requests", "durationSum")}, ${latest("lastSeenAt")}
    RETURNING 1
  ), ip_rollup AS (
    INSERT INTO "ApiKeyClientIp" AS t ("apiKeyId", ip, "propertyId", "firstSeenAt", "lastSeenAt", requests)
    SELECT "apiKeyId", ip, min("propertyId"), min("createdAt"), max("createdAt"), count(*)
    FROM ${source} WHERE ip IS NOT NULL AND "apiKeyId" <> ''
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("apiKeyId", ip) DO UPDATE SET
      "firstSeenAt" = least(t."firstSeenAt", EXCLUDED."firstSeenAt"), ${latest("lastSeenAt")}, ${add("requests")}
    RETURNING 1
  )`;
}

/**
 * A CTE over webhook attempts just recorded: `source` has "endpointId", "propertyId", status (the
 * delivery's state after the attempt), "finishedAt" and "durationMs".
 */
export function deliveryRollupCte(source: string): string {
  return `delivery_rollup AS (
    INSERT INTO "WebhookDeliveryRollup" AS t ("endpointId", width, bucket, "propertyId", attempts, succeeded, failed, exhausted, "durationSum",
      latency, "lastSucceededAt", "lastFailedAt")
    SELECT "endpointId", w.width, ${binned("w.width", '"finishedAt"')}, min("propertyId"), count(*),
      count(*) FILTER (WHERE status = 'SUCCEEDED'), count(*) FILTER (WHERE status <> 'SUCCEEDED'), count(*) FILTER (WHERE status = 'FAILED'),
      sum("durationMs"), ${histogramSql('"durationMs"')}, max("finishedAt") FILTER (WHERE status = 'SUCCEEDED'),
      max("finishedAt") FILTER (WHERE status <> 'SUCCEEDED')
    FROM ${source} CROSS JOIN ${WIDTHS}
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("endpointId", width, bucket) DO UPDATE SET
      ${add("attempts", "succeeded", "failed", "exhausted", "durationSum")},
      latency = ${mergeHistogramSql("t.latency", "EXCLUDED.latency")}, ${latest("lastSucceededAt", "lastFailedAt")}
    RETURNING 1
  )`;
}

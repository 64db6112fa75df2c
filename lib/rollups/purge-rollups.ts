// Retention of the rollups: minute rows serve the last day's chart and are kept 2 days, hour and day rows 90 days
// (the longest chart is 30 days), a key's client addresses a year after they were last seen, so "a
// new address" means one not seen for a year. Deleted in small batches, by every instance, idempotently.
import { deleteInBatches } from "../db/delete-in-batches";

export const MINUTE_ROLLUP_DAYS = 2;
export const HOUR_ROLLUP_DAYS = 90;
export const CLIENT_ADDRESS_DAYS = 365;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 24 * 3_600_000);

export async function purgeRollups(options: { now?: Date; batch?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const batch = options.batch ?? 5000;
  const byWidth = async (table: string, width: number, days: number) =>
    deleteInBatches(
      `DELETE FROM "${table}" WHERE ctid IN (SELECT ctid FROM "${table}" WHERE width = ${width} AND bucket < $1::timestamptz LIMIT $2)`,
      [daysBefore(now, days)],
      batch,
    );
  let deleted = 0;
  for (const table of ["ApiUsageRollup", "WebhookDeliveryRollup"]) {
    deleted += await byWidth(table, 60, MINUTE_ROLLUP_DAYS);
    deleted += await byWidth(table, 3600, HOUR_ROLLUP_DAYS);
  }
  deleted += await deleteInBatches(
    `DELETE FROM "ApiRouteRollup" WHERE ctid IN (SELECT ctid FROM "ApiRouteRollup" WHERE bucket < $1::timestamptz LIMIT $2)`,
    [daysBefore(now, HOUR_ROLLUP_DAYS)],
    batch,
  );
  deleted += await deleteInBatches(
    `DELETE FROM "ApiKeyClientIp" WHERE ctid IN (SELECT ctid FROM "ApiKeyClientIp" WHERE "lastSeenAt" < $1::timestamptz LIMIT $2)`,
    [daysBefore(now, CLIENT_ADDRESS_DAYS)],
    batch,
  );
  return deleted;
}

// Retention: entries older than their property's retention (7–90 days, 30 by default) are deleted
// in small batches, so the job never holds long locks on a big table.
import { getPool } from "../db/client";

export async function purgeExpiredRequestLogs(options: { now?: Date; batch?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const batch = options.batch ?? 1000;
  let total = 0;
  for (;;) {
    const { rowCount } = await getPool().query(
      `DELETE FROM "RequestLog" WHERE id IN (
         SELECT l.id FROM "RequestLog" l JOIN "Property" p ON p.id = l."propertyId"
          WHERE l."createdAt" < $1::timestamptz - make_interval(days => p."logRetentionDays")
          LIMIT $2)`,
      [now.toISOString(), batch],
    );
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < batch) return total;
  }
}

// Retention: entries older than their property's retention (7–90 days, 30 by default) are deleted
// in small batches, so the job never holds long locks on a big table.
import { deleteInBatches } from "../db/delete-in-batches";

export async function purgeExpiredRequestLogs(options: { now?: Date; batch?: number } = {}): Promise<number> {
  return deleteInBatches(
    `DELETE FROM "RequestLog" WHERE id IN (
       SELECT l.id FROM "RequestLog" l JOIN "Property" p ON p.id = l."propertyId"
        WHERE l."createdAt" < $1::timestamptz - make_interval(days => p."logRetentionDays")
        LIMIT $2)`,
    [(options.now ?? new Date()).toISOString()],
    options.batch ?? 1000,
  );
}

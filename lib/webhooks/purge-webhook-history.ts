// Retention of webhook history: finished deliveries (with their attempts) are kept 30 days, outbox
// events 30 days after they were dispatched; deleted in small batches. Pending deliveries stay.
import { getPool } from "../db/client";

export const WEBHOOK_HISTORY_DAYS = 30;

export async function purgeWebhookHistory(options: { now?: Date; batch?: number } = {}): Promise<{ deliveries: number; events: number }> {
  const now = options.now ?? new Date();
  const batch = options.batch ?? 1000;
  const cutoff = new Date(now.getTime() - WEBHOOK_HISTORY_DAYS * 24 * 3_600_000);
  const purge = async (sql: string) => {
    let total = 0;
    for (;;) {
      const { rowCount } = await getPool().query(sql, [cutoff, batch]);
      total += rowCount ?? 0;
      if ((rowCount ?? 0) < batch) return total;
    }
  };
  const deliveries = await purge(
    `DELETE FROM "WebhookDelivery" WHERE id IN (SELECT id FROM "WebhookDelivery" WHERE "createdAt" < $1::timestamptz AND status <> 'PENDING' LIMIT $2)`,
  );
  const events = await purge(
    `DELETE FROM "OutboxEvent" WHERE id IN (SELECT id FROM "OutboxEvent" WHERE "dispatchedAt" < $1::timestamptz AT TIME ZONE 'UTC' LIMIT $2)`,
  );
  return { deliveries, events };
}

// Retention of webhook history: finished deliveries (with their attempts) are kept 30 days, outbox
// events 30 days after they were dispatched, replays 30 days after they were made; deleted in small
// batches. Pending deliveries stay.
import { deleteInBatches } from "../db/delete-in-batches";

export const WEBHOOK_HISTORY_DAYS = 30;

export async function purgeWebhookHistory(options: { now?: Date; batch?: number } = {}): Promise<{ deliveries: number; events: number }> {
  const batch = options.batch ?? 1000;
  const cutoff = new Date((options.now ?? new Date()).getTime() - WEBHOOK_HISTORY_DAYS * 24 * 3_600_000);
  const deliveries = await deleteInBatches(
    `DELETE FROM "WebhookDelivery" WHERE id IN (SELECT id FROM "WebhookDelivery" WHERE "createdAt" < $1::timestamptz AND status <> 'PENDING' LIMIT $2)`,
    [cutoff],
    batch,
  );
  const events = await deleteInBatches(
    `DELETE FROM "OutboxEvent" WHERE id IN (SELECT id FROM "OutboxEvent" WHERE "dispatchedAt" < $1::timestamptz AT TIME ZONE 'UTC' LIMIT $2)`,
    [cutoff],
    batch,
  );
  await deleteInBatches(
    `DELETE FROM "WebhookReplay" WHERE id IN (SELECT id FROM "WebhookReplay" WHERE "createdAt" < $1::timestamptz LIMIT $2)`,
    [cutoff],
    batch,
  );
  return { deliveries, events };
}

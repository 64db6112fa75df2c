// Webhook workers LISTEN on one channel; whatever queues work for them (an outbox event, a test event,
// a resend, a retry) notifies it in its own transaction. PostgreSQL delivers the notification only when
// that transaction commits, and once however many times the transaction notified.
import type { DbTx } from "../../db/client";

export const OUTBOX_CHANNEL = "pms_webhook_outbox";

/** Wakes idle webhook workers when the caller's transaction commits. */
export async function notifyWebhookWorkers(tx: Pick<DbTx, "$executeRaw">): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
}

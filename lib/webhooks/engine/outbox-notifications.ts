// Webhook workers LISTEN on one channel; whatever queues work for them (an outbox event, a test event,
// a resend, a retry) notifies it in its own transaction. PostgreSQL delivers the notification only when
// that transaction commits, and once however many times the transaction notified.
import type { DbTx } from "../../db/client";

export const OUTBOX_CHANNEL = "pms_webhook_outbox";

/** Wakes idle webhook workers when the caller's transaction commits. */
export async function notifyWebhookWorkers(tx: Pick<DbTx, "$executeRaw">): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
}

/** What a revocation says on the channel: open event streams of these keys end at once, on every instance. */
export const KEY_REVOKED_NOTICE = "key-revoked:";

/** Tells every instance, when the caller's transaction commits, that these keys were revoked. */
export async function notifyKeysRevoked(tx: Pick<DbTx, "$executeRaw">, keyIds: readonly string[]): Promise<void> {
  for (const id of keyIds) await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, ${KEY_REVOKED_NOTICE + id})`;
}

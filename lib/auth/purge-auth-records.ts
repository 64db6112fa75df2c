import "server-only";
// Rows the sign-in machinery leaves behind, removed by the background job so the tables stay the size
// of what is live: sessions a day after they ended (expired or signed out; the security page lists live
// ones only, and the audit trail keeps the history), and sign-in counts a day after their last failure,
// when they would start over anyway. Batched deletes, idempotent, safe on every instance at once.
import { deleteInBatches } from "../db/delete-in-batches";

const KEEP_ENDED_MS = 24 * 60 * 60 * 1000;

export async function purgeEndedSessions(now = new Date(), batch = 1000): Promise<number> {
  return deleteInBatches(
    `DELETE FROM "UserSession" WHERE id IN (
       SELECT id FROM "UserSession"
        WHERE "expiresAt" <= $1::timestamptz AT TIME ZONE 'UTC' OR "revokedAt" <= $1::timestamptz AT TIME ZONE 'UTC'
        LIMIT $2)`,
    [new Date(now.getTime() - KEEP_ENDED_MS).toISOString()],
    batch,
  );
}

export async function purgeStaleSignInCounts(now = new Date(), batch = 1000): Promise<number> {
  return deleteInBatches(
    `DELETE FROM "SignInThrottle" WHERE key IN (
       SELECT key FROM "SignInThrottle" WHERE "lastFailureAt" <= $1::timestamptz AT TIME ZONE 'UTC' LIMIT $2)`,
    [new Date(now.getTime() - KEEP_ENDED_MS).toISOString()],
    batch,
  );
}

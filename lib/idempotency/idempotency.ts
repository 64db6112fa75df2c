// Idempotency-Key on POST, after Stripe and the IETF httpapi draft: the first answer to
// (API key, Idempotency-Key) is kept 24 hours and replayed for the same request; the same key with
// another request is refused (422), and a duplicate that arrives while the first still runs gets 409.
// The unique row in PostgreSQL is the lock, so duplicates at different app instances behave alike.
import { createHash, randomUUID } from "node:crypto";
import { seal, unseal } from "../crypto/seal";
import { getPool, type DbTx } from "../db/client";
import { deleteInBatches } from "../db/delete-in-batches";

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** A first request still "running" after this long is taken to have died with its instance. */
export const ABANDONED_AFTER_MS = 60_000;

export type Claim =
  { kind: "claimed"; id: string } | { kind: "replay"; status: number; body: string } | { kind: "in_use" } | { kind: "mismatch" };

export function fingerprint(method: string, pathAndQuery: string, body: string): string {
  return createHash("sha256").update(`${method} ${pathAndQuery}\n${body}`).digest("hex");
}

export async function claimIdempotencyKey(options: { apiKeyId: string; key: string; fingerprint: string; now?: Date }): Promise<Claim> {
  const now = options.now ?? new Date();
  const id = randomUUID();
  const pool = getPool();
  const claimed = await pool.query<{ id: string }>(
    `INSERT INTO "IdempotencyRecord" AS r (id, "apiKeyId", key, fingerprint, "createdAt", "expiresAt")
     VALUES ($1, $2, $3, $4, $5::timestamptz AT TIME ZONE 'UTC', $6::timestamptz AT TIME ZONE 'UTC')
     ON CONFLICT ("apiKeyId", key) DO UPDATE
       SET id = EXCLUDED.id, fingerprint = EXCLUDED.fingerprint, "responseStatus" = NULL, "responseBody" = NULL,
           "createdAt" = EXCLUDED."createdAt", "expiresAt" = EXCLUDED."expiresAt"
       WHERE r."expiresAt" <= EXCLUDED."createdAt"
          OR (r."responseStatus" IS NULL AND r."createdAt" <= EXCLUDED."createdAt" - make_interval(secs => $7))
     RETURNING id`,
    [
      id,
      options.apiKeyId,
      options.key,
      options.fingerprint,
      now.toISOString(),
      new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
      ABANDONED_AFTER_MS / 1000,
    ],
  );
  if (claimed.rows[0]?.id === id) return { kind: "claimed", id };
  const { rows } = await pool.query<{ fingerprint: string; responseStatus: number | null; responseBody: string | null }>(
    `SELECT fingerprint, "responseStatus", "responseBody" FROM "IdempotencyRecord" WHERE "apiKeyId" = $1 AND key = $2`,
    [options.apiKeyId, options.key],
  );
  const existing = rows[0];
  if (!existing) return claimIdempotencyKey(options); // purged in between: claim again
  if (existing.fingerprint !== options.fingerprint) return { kind: "mismatch" };
  if (existing.responseStatus === null) return { kind: "in_use" };
  return { kind: "replay", status: existing.responseStatus, body: unseal(existing.responseBody ?? "") };
}

/**
 * Whether an answer is kept for replays. Invalid requests (400) and refusals before the work (401,
 * 403, 429) are not, as at Stripe. Unlike Stripe, which replays even a 500, our own failures (5xx)
 * are not kept either: the write did not happen, so a retry with the same key runs it.
 */
export const keepsAnswer = (status: number) => status < 400 || status === 404 || status === 409 || status === 422;

/**
 * Keeps a successful write's answer in the write's own transaction (see inOneTransaction), so that a
 * retry replays it even if this instance dies before answering.
 */
export async function recordIdempotentAnswer(tx: DbTx, id: string, status: number, body: string): Promise<void> {
  const sealed = seal(body);
  await tx.$executeRaw`UPDATE "IdempotencyRecord" SET "responseStatus" = ${status}, "responseBody" = ${sealed} WHERE id = ${id}`;
}

/** Test-only seam: runs after a write and its answer are committed, before the answer is sent. */
export const idempotencyTestHooks: { afterCommit?: () => Promise<void> } = {};

/** Keeps the answer for replays, or lets the key go when the answer must not be replayed. */
export async function settleIdempotencyKey(id: string, status: number, body: string): Promise<void> {
  if (keepsAnswer(status)) {
    // Stored encrypted: an answer may carry a secret (a new endpoint's, a rotated one).
    await getPool().query(`UPDATE "IdempotencyRecord" SET "responseStatus" = $2, "responseBody" = $3 WHERE id = $1`, [
      id,
      status,
      seal(body),
    ]);
  } else {
    await getPool().query(`DELETE FROM "IdempotencyRecord" WHERE id = $1`, [id]);
  }
}

/** Deletes expired records in small batches; returns how many went. */
export async function purgeExpiredIdempotencyRecords(now = new Date(), batch = 1000): Promise<number> {
  return deleteInBatches(
    `DELETE FROM "IdempotencyRecord" WHERE id IN (SELECT id FROM "IdempotencyRecord" WHERE "expiresAt" <= $1::timestamptz AT TIME ZONE 'UTC' LIMIT $2)`,
    [now.toISOString()],
    batch,
  );
}

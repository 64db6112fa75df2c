// Run when a worker starts: endpoint secrets and idempotent answers stored in clear (written before
// encryption at rest) or sealed with an older key are sealed again with the current key, and one sealed
// secret is decrypted, so a missing or wrong DATA_ENCRYPTION_KEYS stops the start with a clear message.
import type pg from "pg";
import { dataEncryptionKeys, DataEncryptionKeyError, seal, unseal, type DataKey } from "../crypto/seal";

const reseal = (value: string, keys: readonly DataKey[]) => seal(unseal(value, keys), keys);

/** Returns how many rows it rewrote. Throws DataEncryptionKeyError when a stored value cannot be read. */
export async function sealStoredSecrets(pool: pg.Pool, keys: readonly DataKey[] = dataEncryptionKeys()): Promise<number> {
  const current = `enc:v1:${keys[0]!.id}:%`;
  try {
    // A value sealed with the current key must open: a key id reused with another value is caught here.
    const { rows: sample } = await pool.query<{ secret: string }>(`SELECT secret FROM "WebhookEndpoint" WHERE secret LIKE $1 LIMIT 1`, [
      current,
    ]);
    for (const row of sample) unseal(row.secret, keys);

    let rewritten = 0;
    const { rows: endpoints } = await pool.query<{ id: string; secret: string; previousSecret: string | null }>(
      `SELECT id, secret, "previousSecret" FROM "WebhookEndpoint" WHERE secret NOT LIKE $1 OR "previousSecret" NOT LIKE $1`,
      [current],
    );
    for (const row of endpoints) {
      // Only if unchanged meanwhile: a rotation racing this step keeps its own values.
      const { rowCount } = await pool.query(
        `UPDATE "WebhookEndpoint" SET secret = $4, "previousSecret" = $5
         WHERE id = $1 AND secret = $2 AND "previousSecret" IS NOT DISTINCT FROM $3`,
        [
          row.id,
          row.secret,
          row.previousSecret,
          reseal(row.secret, keys),
          row.previousSecret === null ? null : reseal(row.previousSecret, keys),
        ],
      );
      rewritten += rowCount ?? 0;
    }
    const { rows: answers } = await pool.query<{ id: string; responseBody: string }>(
      `SELECT id, "responseBody" FROM "IdempotencyRecord" WHERE "responseBody" IS NOT NULL AND "responseBody" NOT LIKE $1`,
      [current],
    );
    for (const row of answers) {
      const { rowCount } = await pool.query(`UPDATE "IdempotencyRecord" SET "responseBody" = $3 WHERE id = $1 AND "responseBody" = $2`, [
        row.id,
        row.responseBody,
        reseal(row.responseBody, keys),
      ]);
      rewritten += rowCount ?? 0;
    }
    return rewritten;
  } catch (error) {
    if (error instanceof DataEncryptionKeyError)
      throw new DataEncryptionKeyError(`DATA_ENCRYPTION_KEYS cannot read the stored secrets. ${error.message}`);
    throw error;
  }
}

// Run when a worker starts: endpoint secrets, idempotent answers and door PINs stored in clear (written
// before encryption at rest, or by the demo seed, which runs before the key exists) or sealed with an older
// key are sealed again with the current key, and one sealed secret is decrypted, so a missing or wrong
// DATA_ENCRYPTION_KEYS stops the start with a clear message. PINs in clear inside event bodies written
// before PINs were sealed are sealed too.
import type pg from "pg";
import { dataEncryptionKeys, DataEncryptionKeyError, seal, unseal, type DataKey } from "../crypto/seal";
import { sealPinsIn } from "../reservations/sealed-pin";

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
    const { rows: pins } = await pool.query<{ id: string; pin: string }>(`SELECT id, pin FROM "ReservationAccess" WHERE pin NOT LIKE $1`, [
      current,
    ]);
    for (const row of pins) {
      const { rowCount } = await pool.query(`UPDATE "ReservationAccess" SET pin = $3 WHERE id = $1 AND pin = $2`, [
        row.id,
        row.pin,
        reseal(row.pin, keys),
      ]);
      rewritten += rowCount ?? 0;
    }
    rewritten += await sealClearPinsInBodies(pool, keys);
    return rewritten;
  } catch (error) {
    if (error instanceof DataEncryptionKeyError)
      throw new DataEncryptionKeyError(`DATA_ENCRYPTION_KEYS cannot read the stored secrets. ${error.message}`);
    throw error;
  }
}

const CLEAR_PIN = `"pin"\\s*:\\s*"\\d`;

/** Event bodies of access code events that still carry a PIN in clear: the outbox, deliveries and attempts. */
async function sealClearPinsInBodies(pool: pg.Pool, keys: readonly DataKey[]): Promise<number> {
  const sealAll = (text: string) => sealPinsIn(text, keys);
  let rewritten = 0;
  const { rows: events } = await pool.query<{ id: string; payload: string }>(
    `SELECT id, payload::text AS payload FROM "OutboxEvent" WHERE type LIKE 'access_code.%' AND payload::text ~ $1`,
    [CLEAR_PIN],
  );
  for (const row of events) {
    const { rowCount } = await pool.query(`UPDATE "OutboxEvent" SET payload = $3::jsonb WHERE id = $1 AND payload::text = $2`, [
      row.id,
      row.payload,
      sealAll(row.payload),
    ]);
    rewritten += rowCount ?? 0;
  }
  const { rows: deliveries } = await pool.query<{ id: string; payload: string }>(
    `SELECT id, payload FROM "WebhookDelivery" WHERE "eventType" LIKE 'access_code.%' AND payload ~ $1`,
    [CLEAR_PIN],
  );
  for (const row of deliveries) {
    const { rowCount } = await pool.query(`UPDATE "WebhookDelivery" SET payload = $3 WHERE id = $1 AND payload = $2`, [
      row.id,
      row.payload,
      sealAll(row.payload),
    ]);
    rewritten += rowCount ?? 0;
  }
  const { rows: attempts } = await pool.query<{ id: string; requestBody: string }>(
    `SELECT a.id, a."requestBody" FROM "WebhookAttempt" a JOIN "WebhookDelivery" d ON d.id = a."deliveryId"
     WHERE d."eventType" LIKE 'access_code.%' AND a."requestBody" ~ $1`,
    [CLEAR_PIN],
  );
  for (const row of attempts) {
    const { rowCount } = await pool.query(`UPDATE "WebhookAttempt" SET "requestBody" = $3 WHERE id = $1 AND "requestBody" = $2`, [
      row.id,
      row.requestBody,
      sealAll(row.requestBody),
    ]);
    rewritten += rowCount ?? 0;
  }
  return rewritten;
}

// Webhook signing secrets, and stored idempotent answers that carry one, are encrypted at rest
// (AES-256-GCM, key id in the value): the database holds no whsec_, while deliveries still verify with
// `standardwebhooks`, the reveal still shows the secret, and rows sealed with an older listed key read.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import * as rotateRoute from "../../app/api/v1/webhook-endpoints/[id]/rotate-secret/route";
import * as endpointsRoute from "../../app/api/v1/webhook-endpoints/route";
import { call } from "../api-client";
import { propertyWithKey } from "../api-fixtures";
import { startReceiver } from "../webhook-receiver";
import { createProperty } from "../fixtures";
import { newDataEncryptionKey, seal, sealedKeyId, unseal, type DataKey } from "../../lib/crypto/seal";
import { databaseSettings, db, getPool } from "../../lib/db/client";
import { childProcessEnv, parseEnv } from "../../lib/env";
import { newSigningSecret } from "../../lib/webhooks/engine/signing";
import { sealStoredSecrets } from "../../lib/webhooks/seal-stored-secrets";
import { recordDomainEvent } from "../../lib/events/record-domain-event";
import { revealSecret } from "../../lib/webhooks/reveal-secret";
import { WebhookWorker } from "../../lib/webhooks/engine/webhook-worker";

const system = { type: "SYSTEM" as const, id: null, label: "test" };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  // Each test's keys read only its own rows.
  await db.webhookEndpoint.deleteMany();
  await db.idempotencyRecord.deleteMany();
});

async function storedText(): Promise<string> {
  const endpoints = await getPool().query<{ secret: string; previousSecret: string | null }>(
    `SELECT secret, "previousSecret" FROM "WebhookEndpoint"`,
  );
  const answers = await getPool().query<{ responseBody: string | null }>(`SELECT "responseBody" FROM "IdempotencyRecord"`);
  return JSON.stringify([endpoints.rows, answers.rows]);
}

describe("webhook secrets at rest", () => {
  it("stores no whsec_ after a create and a rotation through the API, yet deliveries verify and the reveal shows the secret", async () => {
    const secrets: string[] = [];
    const receiver = await startReceiver({ secrets: () => secrets });
    closers.push(() => receiver.close());
    const { property, key } = await propertyWithKey();
    const created = await call(endpointsRoute.POST, {
      method: "POST",
      path: "/api/v1/webhook-endpoints",
      key,
      body: { url: receiver.url, eventTypes: ["*"] },
      idempotencyKey: "create-once",
    });
    expect(created.status).toBe(201);
    const endpoint = (created.body as { data: { id: string; secret: string } }).data;
    expect(endpoint.secret).toMatch(/^whsec_/);
    const rotated = await call(rotateRoute.POST, {
      method: "POST",
      path: `/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`,
      key,
      params: { id: endpoint.id },
    });
    expect(rotated.status).toBe(200);
    const fresh = (rotated.body as { data: { secret: string } }).data.secret;
    expect(fresh).toMatch(/^whsec_/);

    const stored = await storedText();
    expect(stored).toContain("enc:v1:");
    expect(stored).not.toContain("whsec_");
    expect(stored).not.toContain(fresh.slice("whsec_".length, 20));

    // Both secrets sign during the rotation: a receiver holding either one verifies.
    await db.$transaction((tx) => recordDomainEvent(tx, { propertyId: property.id, type: "reservation.created", data: { n: 1 } as never }));
    secrets.push(endpoint.secret);
    await new WebhookWorker({ pool: getPool(), log: () => {} }).runOnce();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.verified).toBe(true);
    expect(receiver.received[0]!.signature.split(" ")).toHaveLength(2);

    const revealed = await revealSecret({ propertyId: property.id, actor: system }, endpoint.id);
    expect(revealed.secret).toBe(fresh);

    // A replay of the create answers the secret as it was first answered, from the sealed record.
    const replay = await call(endpointsRoute.POST, {
      method: "POST",
      path: "/api/v1/webhook-endpoints",
      key,
      body: { url: receiver.url, eventTypes: ["*"] },
      idempotencyKey: "create-once",
    });
    expect(replay.status).toBe(201);
    expect((replay.body as { data: { secret: string } }).data.secret).toBe(endpoint.secret);
    expect(await storedText()).not.toContain("whsec_");
  });

  it("rotates keys: a value sealed with an older listed key reads, and the worker's start reseals it (and clear rows) with the first key", async () => {
    const [k0] = parseEnv({ DATA_ENCRYPTION_KEYS: newDataEncryptionKey("r0") }).DATA_ENCRYPTION_KEYS!;
    const [k1] = parseEnv({ DATA_ENCRYPTION_KEYS: newDataEncryptionKey("r1") }).DATA_ENCRYPTION_KEYS!;
    const old: DataKey[] = [k0!];
    const both: DataKey[] = [k1!, k0!];
    const secret = newSigningSecret();
    const sealedOld = seal(secret, old);
    expect(sealedOld).toMatch(/^enc:v1:r0:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(unseal(sealedOld, both)).toBe(secret);
    expect(() => unseal(sealedOld, [k1!])).toThrow(/encrypted with key "r0", which DATA_ENCRYPTION_KEYS does not list/);

    const { property } = await createProperty({ rooms: 0 });
    const legacy = newSigningSecret();
    await db.webhookEndpoint.createMany({
      data: [
        {
          id: "we_old_key",
          propertyId: property.id,
          url: "http://127.0.0.1:9/a",
          eventTypes: ["*"],
          secret: sealedOld,
          previousSecret: seal(legacy, old),
        },
        // Written before encryption at rest existed: in clear.
        { id: "we_in_clear", propertyId: property.id, url: "http://127.0.0.1:9/b", eventTypes: ["*"], secret: legacy },
      ],
    });
    expect(await sealStoredSecrets(getPool(), both)).toBeGreaterThanOrEqual(2);
    const rows = await db.webhookEndpoint.findMany({ where: { propertyId: property.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.id, sealedKeyId(r.secret), r.previousSecret && sealedKeyId(r.previousSecret)])).toEqual([
      ["we_in_clear", "r1", null],
      ["we_old_key", "r1", "r1"],
    ]);
    expect(rows.map((r) => unseal(r.secret, [k1!]))).toEqual([legacy, secret]);
    expect(unseal(rows[1]!.previousSecret!, [k1!])).toBe(legacy);
    // Nothing left to do on the next start.
    expect(await sealStoredSecrets(getPool(), both)).toBe(0);
    await db.webhookEndpoint.deleteMany({ where: { propertyId: property.id } });
  });

  it("refuses a wrong key with a clear error: same id, another value", async () => {
    const { property } = await createProperty({ rooms: 0 });
    const [right] = parseEnv({ DATA_ENCRYPTION_KEYS: newDataEncryptionKey("k9") }).DATA_ENCRYPTION_KEYS!;
    const [wrong] = parseEnv({ DATA_ENCRYPTION_KEYS: newDataEncryptionKey("k9") }).DATA_ENCRYPTION_KEYS!;
    await db.webhookEndpoint.create({
      data: {
        id: "we_wrong_key",
        propertyId: property.id,
        url: "http://127.0.0.1:9/c",
        eventTypes: ["*"],
        secret: seal(newSigningSecret(), [right!]),
      },
    });
    await expect(sealStoredSecrets(getPool(), [wrong!])).rejects.toThrow(
      /^DATA_ENCRYPTION_KEYS cannot read the stored secrets\. A stored secret does not decrypt with key "k9"/,
    );
    await db.webhookEndpoint.deleteMany({ where: { propertyId: property.id } });
  });

  it("validates DATA_ENCRYPTION_KEYS without echoing it, and a worker without it stops at start with one clear line", async () => {
    const short = "k1:c2hvcnQ=";
    expect(() => parseEnv({ DATA_ENCRYPTION_KEYS: short })).toThrow(
      "Environment variable DATA_ENCRYPTION_KEYS must be id:key pairs such as k1:<base64 of 32 random bytes>[,k0:…] with distinct ids.",
    );
    const twice = `${newDataEncryptionKey("k1")},${newDataEncryptionKey("k1")}`;
    expect(() => parseEnv({ DATA_ENCRYPTION_KEYS: twice })).toThrow(/DATA_ENCRYPTION_KEYS must be id:key pairs/);
    expect(
      parseEnv({ DATA_ENCRYPTION_KEYS: ` ${newDataEncryptionKey("k2")} , ${newDataEncryptionKey("k1")}` }).DATA_ENCRYPTION_KEYS?.map(
        (k) => k.id,
      ),
    ).toEqual(["k2", "k1"]);

    const run = (keys: string | undefined) =>
      promisify(execFile)(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
        env: childProcessEnv({ DATABASE_URL: databaseSettings().url, DATABASE_POOL_SIZE: "1", DATA_ENCRYPTION_KEYS: keys }),
        timeout: 60_000,
      }).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code?: number; stderr?: string }) => ({ code: error.code, stderr: error.stderr ?? "" }),
      );
    const missing = await run(undefined);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("DATA_ENCRYPTION_KEYS is not set");
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const malformed = await run(short);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain("Environment variable DATA_ENCRYPTION_KEYS must be id:key pairs");
    expect(malformed.stderr).not.toContain("c2hvcnQ");
  }, 120_000);
});

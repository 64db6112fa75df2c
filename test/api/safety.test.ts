import { describe, expect, it } from "vitest";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import * as propertiesRoute from "../../app/api/v1/properties/route";
import { call } from "../api-client";
import { propertyWithKey } from "../api-fixtures";
import { createProperty } from "../fixtures";
import { createApiKey } from "../../lib/api-keys/create-api-key";
import { createApiKeyInput } from "../../lib/api-keys/schemas";
import { db, getPool } from "../../lib/db/client";
import { purgeExpiredIdempotencyRecords } from "../../lib/idempotency/idempotency";
import { createPartner } from "../../lib/partners/partners";

const admin = { type: "USER" as const, id: null, label: "Admin" };
const booking = (roomId: string, overrides: Record<string, unknown> = {}) => ({
  guest: { firstName: "Ada", lastName: "Lovelace" },
  roomId,
  arrivalDate: "2032-05-01",
  departureDate: "2032-05-03",
  adults: 1,
  totalAmount: 20000,
  ...overrides,
});
const post = (key: string, body: unknown, idempotencyKey: string | null = crypto.randomUUID(), headers: Record<string, string> = {}) =>
  call(reservationsRoute.POST, { method: "POST", key, body, idempotencyKey, headers });

// Every table of property data (and keys, audit, outbox). Left out: the per-key Idempotency-Key
// record, rate-limit bucket and request log with its rollups, which test-mode requests use like live
// ones (the log records every API request, test mode included, and is written asynchronously).
async function tableCounts() {
  const { rows } = await getPool().query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'IdempotencyRecord', 'RateLimitBucket', 'RequestLog',
       'ApiUsageRollup', 'ApiRouteRollup', 'ApiKeyClientIp')`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of rows)
    counts[table_name] = Number((await getPool().query(`SELECT count(*) AS n FROM "${table_name}"`)).rows[0].n);
  return counts;
}

describe("Idempotency-Key", () => {
  it("is required on POST, and a refused request writes nothing", async () => {
    const { property, rooms, key } = await propertyWithKey();
    const result = await post(key, booking(rooms[0]!.id), null);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ code: "IDEMPOTENCY_KEY_REQUIRED" });
    expect(await db.reservation.count({ where: { propertyId: property.id } })).toBe(0);
  });

  it("replays the first answer for the same request, and refuses the same key for another request", async () => {
    const { property, rooms, key } = await propertyWithKey();
    const first = await post(key, booking(rooms[0]!.id), "op-1");
    expect(first.status).toBe(201);
    const again = await post(key, booking(rooms[0]!.id), "op-1");
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.text).toBe(first.text);
    expect(again.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    const other = await post(key, booking(rooms[1]!.id), "op-1");
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await db.reservation.count({ where: { propertyId: property.id } })).toBe(1);
    expect(await db.outboxEvent.count({ where: { propertyId: property.id } })).toBe(1);
  });

  it("creates exactly one reservation from 50 concurrent identical POSTs; every answer is it or 409", async () => {
    const { property, rooms, key } = await propertyWithKey();
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(key, booking(rooms[0]!.id), "same-op")));
    expect(await db.reservation.count({ where: { propertyId: property.id } })).toBe(1);
    const created = await db.reservation.findFirstOrThrow({ where: { propertyId: property.id } });
    for (const answer of answers) {
      if (answer.status === 409) expect(answer.body).toMatchObject({ code: "IDEMPOTENCY_KEY_IN_USE" });
      else {
        expect(answer.status).toBe(201);
        expect((answer.body as { data: { id: string } }).data.id).toBe(created.id);
      }
    }
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
  });

  it("does not keep invalid requests, keeps business refusals, and purges expired records", async () => {
    const { rooms, key } = await propertyWithKey();
    const invalid = await post(key, booking(rooms[0]!.id, { adults: 0 }), "fix-me");
    expect(invalid.status).toBe(400);
    expect((await post(key, booking(rooms[0]!.id), "fix-me")).status).toBe(201); // corrected retry, same key
    const clash = await post(key, booking(rooms[0]!.id), "clash");
    expect(clash.status).toBe(409);
    const replayed = await post(key, booking(rooms[0]!.id), "clash");
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");

    await db.idempotencyRecord.updateMany({ where: { key: "clash" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await purgeExpiredIdempotencyRecords()).toBeGreaterThanOrEqual(1);
    expect(await db.idempotencyRecord.count({ where: { key: "clash" } })).toBe(0);
  });
});

describe("test-mode keys", () => {
  it("validate and answer writes with livemode false, keeping nothing and emitting no event", async () => {
    const { property, rooms } = await propertyWithKey();
    const [testKey] = await createApiKey({
      property,
      actor: admin,
      input: createApiKeyInput.parse({ name: "sandbox", mode: "TEST", scopes: ["full_access:write"] }),
    });
    const before = await tableCounts();
    const result = await post(testKey!.key, booking(rooms[0]!.id));
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      livemode: false,
      data: { status: "CONFIRMED", roomNumber: "101", guest: { lastName: "Lovelace" } },
    });
    expect(await tableCounts()).toEqual(before);
    // The same rules apply: a booking that clashes with real data is refused as it would be live.
    const { key } = {
      key: (
        await createApiKey({
          property,
          actor: admin,
          input: createApiKeyInput.parse({ name: "live", mode: "LIVE", scopes: ["full_access:write"] }),
        })
      )[0]!.key,
    };
    expect((await post(key, booking(rooms[0]!.id))).status).toBe(201);
    const clash = await post(testKey!.key, booking(rooms[0]!.id));
    expect(clash.status).toBe(409);
    expect((await post(testKey!.key, booking(rooms[0]!.id, { adults: 0 }))).status).toBe(400);
    const read = await call(reservationsRoute.GET, { key: testKey!.key });
    expect(read.body).toMatchObject({ livemode: false });
    expect((read.body!.data as unknown[]).length).toBe(1);
  });
});

describe("rate limits", () => {
  it("let 10 of 30 simultaneous requests through and answer the rest 429 with Retry-After", async () => {
    // Bursts of 10 as by default; a refill of 1/s (instead of 5/s) keeps a slow machine from earning a
    // token while the 30 requests are served. The 5/s refill itself is tested with a fixed clock.
    const { property } = await createProperty({ rateLimit: { perSecond: 1, burst: 10, perDay: 10_000 } });
    const [issued] = await createApiKey({
      property,
      actor: admin,
      input: createApiKeyInput.parse({ name: "r", mode: "LIVE", scopes: ["property:read"] }),
    });
    const answers = await Promise.all(Array.from({ length: 30 }, () => call(propertiesRoute.GET, { key: issued!.key })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(20);
    for (const answer of limited) {
      expect(answer.body).toMatchObject({ code: "RATE_LIMITED" });
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
    for (const answer of answers) {
      expect(answer.headers.get("ratelimit-policy")).toBe('"burst";q=10;w=10, "daily";q=10000;w=86400');
      expect(answer.headers.get("ratelimit")).toMatch(/^"burst";r=\d+;t=\d+, "daily";r=\d+;t=\d+$/);
      expect(answer.headers.get("x-ratelimit-limit")).toBe("10");
      expect(Number(answer.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000 - 1);
    }
  });
});

describe("partner keys", () => {
  it("are required where the property asks for them, refused when wrong, and limited on top of key limits", async () => {
    const { property, key } = await propertyWithKey(["property:read"]);
    const { key: partnerKey } = await createPartner({ name: "Acme Locks", rateLimitBurst: 2, rateLimitPerSecond: 1 });
    expect((await call(propertiesRoute.GET, { key })).status).toBe(200);
    expect((await call(propertiesRoute.GET, { key, headers: { "x-api-key": "pk_wrong" } })).body).toMatchObject({
      code: "UNAUTHORIZED",
      message: "Invalid partner key (X-Api-Key).",
    });

    await db.property.update({ where: { id: property.id }, data: { requirePartnerKey: true } });
    const { invalidateCachedKeys } = await import("../../lib/api-keys/verify-api-key");
    const { hashApiKey } = await import("../../lib/api-keys/key-format");
    invalidateCachedKeys([hashApiKey(key)]);
    const refused = await call(propertiesRoute.GET, { key });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: "PARTNER_KEY_REQUIRED" });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(propertiesRoute.GET, { key, headers: { "x-api-key": partnerKey } })).status);
    expect(statuses).toEqual([200, 200, 429]); // the partner's burst of 2, though the key's own limit is far higher
  });
});

describe("limits on input", () => {
  it("answers 413 over 1 MB, 415 for another content type and 400 INVALID_JSON for broken JSON", async () => {
    const { property, key } = await propertyWithKey();
    const big = await call(reservationsRoute.POST, {
      method: "POST",
      key,
      headers: { "content-type": "application/json" },
      body: { notes: "x".repeat(1024 * 1024 + 10) },
    });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    const text = await call(reservationsRoute.POST, { method: "POST", key, headers: { "content-type": "text/plain" } });
    expect(text.status).toBe(415);
    const request = new Request("http://localhost/api/v1/reservations", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "idempotency-key": "broken" },
      body: '{"roomId": ',
    });
    const broken = await reservationsRoute.POST(request);
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ code: "INVALID_JSON" });
    expect(await db.reservation.count({ where: { propertyId: property.id } })).toBe(0);
  });

  it("answers 400 INVALID_JSON, not a 500, when the client closes the connection mid-body", async () => {
    const { property, key } = await propertyWithKey();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"roomId": "'));
        controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const request = new Request("http://localhost/api/v1/reservations", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "idempotency-key": "cut" },
      body,
      duplex: "half",
    } as RequestInit);
    const cut = await reservationsRoute.POST(request);
    expect(cut.status).toBe(400);
    expect(await cut.json()).toMatchObject({ code: "INVALID_JSON" });
    expect(await db.reservation.count({ where: { propertyId: property.id } })).toBe(0);
  });
});

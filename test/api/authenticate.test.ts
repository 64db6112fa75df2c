import { describe, expect, it } from "vitest";
import { GET as getOrganization } from "../../app/api/v1/organization/route";
import { GET as getProperties } from "../../app/api/v1/properties/route";
import { call } from "../api-client";
import { createProperty } from "../fixtures";
import { createApiKey } from "../../lib/api-keys/create-api-key";
import { generateApiKey } from "../../lib/api-keys/key-format";
import { flushKeyUsage } from "../../lib/api-keys/record-key-usage";
import { revokeApiKey } from "../../lib/api-keys/revoke-api-key";
import { rollApiKey } from "../../lib/api-keys/roll-api-key";
import { createApiKeyInput, rollApiKeyInput } from "../../lib/api-keys/schemas";
import type { Actor } from "../../lib/audit/record-audit-event";
import { db } from "../../lib/db/client";
import type { Plan } from "../../lib/db/generated/prisma/enums";

const actor: Actor = { type: "USER", id: null, label: "Admin <admin@example.com>" };

async function keyFor(property: { id: string; plan: Plan }, scopes: string[] = ["property:read"], extra: Record<string, unknown> = {}) {
  const [issued] = await createApiKey({
    property,
    actor,
    input: createApiKeyInput.parse({ name: "Test", mode: "LIVE", scopes, ...extra }),
  });
  return issued!;
}

function expectErrorShape(result: Awaited<ReturnType<typeof call>>, status: number, code: string, message: string) {
  expect(result.status).toBe(status);
  const requestId = result.headers.get("x-request-id");
  expect(requestId).toMatch(/^req_[0-9a-f]{24}$/);
  expect(result.body).toEqual({ status: "error", code, message, requestId });
  expect(result.headers.get("content-type")).toContain("application/json");
}

describe("GET /api/v1/properties authentication", () => {
  it("answers the key's own property with a request id", async () => {
    const { property } = await createProperty();
    await createProperty(); // another property the key must never see
    const key = await keyFor(property);
    const result = await call(getProperties, { key: key.key });
    expect(result.status).toBe(200);
    expect(result.headers.get("x-request-id")).toMatch(/^req_/);
    expect(result.body).toEqual({
      data: [expect.objectContaining({ id: property.id, slug: property.slug, currency: "EUR", plan: "PRO" })],
      nextCursor: null,
      livemode: true,
    });
    const org = await call(getOrganization, { key: key.key });
    expect(org.body).toMatchObject({ data: { id: property.id, roomCount: 3, propertyCount: 1 } });
  });

  it("accepts the user-api-key header too", async () => {
    const { property } = await createProperty();
    const key = await keyFor(property);
    expect((await call(getProperties, { headers: { "user-api-key": key.key } })).status).toBe(200);
  });

  it("refuses a missing or malformed header with how to send it", async () => {
    const missing = "Missing or malformed Authorization header. Use: Bearer pms_live_xxx";
    expectErrorShape(await call(getProperties), 401, "UNAUTHORIZED", missing);
    expectErrorShape(await call(getProperties, { headers: { authorization: "Basic abc" } }), 401, "UNAUTHORIZED", missing);
    expectErrorShape(await call(getProperties, { headers: { authorization: "Bearer" } }), 401, "UNAUTHORIZED", missing);
  });

  it("answers unknown keys, bad checksums and wrong formats byte-identically apart from the request id", async () => {
    const { property } = await createProperty();
    const real = await keyFor(property);
    const typo = real.key.slice(0, -1) + (real.key.endsWith("a") ? "b" : "a");
    const candidates = [generateApiKey("LIVE"), typo, "pms_live_short", "sk_live_" + "x".repeat(40), "'OR'1'='1"];
    const bodies = [];
    for (const candidate of candidates) {
      const result = await call(getProperties, { key: candidate });
      expectErrorShape(result, 401, "UNAUTHORIZED", "Invalid credentials");
      bodies.push(result.text.replace(/req_[0-9a-f]{24}/, "req_X"));
    }
    expect(new Set(bodies).size).toBe(1);
  });

  it("refuses a revoked key on the very next request with KEY_REVOKED", async () => {
    const { property } = await createProperty();
    const key = await keyFor(property);
    expect((await call(getProperties, { key: key.key })).status).toBe(200); // now cached
    await revokeApiKey({ propertyId: property.id, keyId: key.id, actor });
    expectErrorShape(
      await call(getProperties, { key: key.key }),
      401,
      "KEY_REVOKED",
      "API key has been revoked. Contact your property admin for a new key.",
    );
  });

  it("sees a revoke made by another instance within the cache's 2 seconds", async () => {
    const { property } = await createProperty();
    const key = await keyFor(property);
    expect((await call(getProperties, { key: key.key })).status).toBe(200);
    // Another instance writes the revoke: this process's cache is not told.
    await db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    const deadline = Date.now() + 5_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      status = (await call(getProperties, { key: key.key })).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(401);
  });

  it("keeps a rolled key working through its grace period, or stops it with 'now'", async () => {
    const { property } = await createProperty();
    const graceful = await keyFor(property);
    const [replacement] = await rollApiKey({ property, actor, input: rollApiKeyInput.parse({ keyId: graceful.id, grace: "1h" }) });
    expect((await call(getProperties, { key: graceful.key })).status).toBe(200);
    expect((await call(getProperties, { key: replacement!.key })).status).toBe(200);

    const abrupt = await keyFor(property);
    expect((await call(getProperties, { key: abrupt.key })).status).toBe(200);
    const [successor] = await rollApiKey({ property, actor, input: rollApiKeyInput.parse({ keyId: abrupt.id, grace: "now" }) });
    expectErrorShape(
      await call(getProperties, { key: abrupt.key }),
      401,
      "KEY_REVOKED",
      "API key has been revoked. Contact your property admin for a new key.",
    );
    expect((await call(getProperties, { key: successor!.key })).status).toBe(200);
  });

  it("refuses an expired key with KEY_EXPIRED", async () => {
    const { property } = await createProperty();
    const key = await keyFor(property);
    await db.apiKey.update({ where: { id: key.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectErrorShape(
      await call(getProperties, { key: key.key }),
      401,
      "KEY_EXPIRED",
      "API key has expired. Contact your property admin for a new key.",
    );
  });

  it("refuses a missing scope with 403 naming it, and a FREE-plan property with PLAN_REQUIRED", async () => {
    const { property } = await createProperty();
    const narrow = await keyFor(property, ["reservations:read"]);
    expectErrorShape(
      await call(getProperties, { key: narrow.key }),
      403,
      "FORBIDDEN",
      "This API key lacks the scope property:read, which this endpoint requires.",
    );
    const wide = await keyFor(property, ["full_access:read"]);
    expect((await call(getProperties, { key: wide.key })).status).toBe(200);

    const key = await keyFor(property);
    await db.property.update({ where: { id: property.id }, data: { plan: "FREE" } });
    expectErrorShape(
      await call(getProperties, { key: key.key }),
      403,
      "PLAN_REQUIRED",
      "API access needs the PRO plan. The property's admin can upgrade it.",
    );
  });

  it("counts requests and last use in batches, exact after a flush", async () => {
    const { property } = await createProperty();
    const key = await keyFor(property);
    const started = new Date();
    for (let i = 0; i < 7; i++) await call(getProperties, { key: key.key });
    const last = key.key.slice(-1);
    const otherKey = key.key.slice(0, -1) + (last === "0" ? "1" : "0"); // never this key, whatever its last character
    await call(getProperties, { key: otherKey }); // not this key: not counted
    const beforeFlush = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(beforeFlush.requestCount).toBe(0n); // nothing written on the request path
    await flushKeyUsage();
    const after = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(after.requestCount).toBe(7n);
    expect(after.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
    expect(after.lastUsedAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });
});

describe("unknown /api/v1 paths", () => {
  it("answer a JSON 404 with a request id", async () => {
    const { GET, POST } = await import("../../app/api/v1/[...path]/route");
    const result = await call(GET, { path: "/api/v1/nothing-here" });
    expect(result.status).toBe(404);
    expect(result.body).toEqual({
      status: "error",
      code: "NOT_FOUND",
      message: "No endpoint GET /api/v1/nothing-here.",
      requestId: result.headers.get("x-request-id"),
    });
    expect((await call(POST, { path: "/api/v1/x", method: "POST", body: {} })).status).toBe(404);
  });
});

import { describe, expect, it } from "vitest";
import { createProperty } from "../../test/fixtures";
import type { Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { createApiKey } from "./create-api-key";
import { generateApiKey, hashApiKey, KEY_PATTERN, parseApiKey } from "./key-format";
import { keyStatus } from "./key-status";
import { listApiKeyActivity, listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";
import { rollApiKey } from "./roll-api-key";
import { createApiKeyInput, rollApiKeyInput, updateApiKeyDetailsInput } from "./schemas";
import { updateApiKeyDetails } from "./update-api-key-details";
import { hasScope } from "./scopes";

const actor: Actor = { type: "USER", id: null, label: "Admin <admin@example.com>" };
const input = (overrides: Record<string, unknown> = {}) =>
  createApiKeyInput.parse({ name: "Channel manager", mode: "LIVE", scopes: ["reservations:read"], ...overrides });

describe("key format", () => {
  it("makes distinct keys with the mode's prefix, at least 128 random bits and a valid checksum", () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey("LIVE")));
    expect(keys.size).toBe(200);
    for (const key of keys) {
      expect(key).toMatch(KEY_PATTERN);
      expect(parseApiKey(key)).toEqual({ mode: "LIVE" });
    }
    expect(parseApiKey(generateApiKey("TEST"))).toEqual({ mode: "TEST" });
    // 30 base62 characters: log2(62^30) ≈ 178 bits.
    expect(30 * Math.log2(62)).toBeGreaterThan(128);
  });

  it("refuses a one-character typo, a wrong prefix and random strings by checksum or format", () => {
    const key = generateApiKey("LIVE");
    const last = key.at(-8)!;
    const typo = key.slice(0, -8) + (last === "a" ? "b" : "a") + key.slice(-7);
    expect(parseApiKey(typo)).toBeNull();
    expect(parseApiKey(key.replace("pms_live_", "pms_test_"))).toBeNull();
    expect(parseApiKey("pms_live_" + "a".repeat(36))).toBeNull();
    expect(parseApiKey("")).toBeNull();
    expect(parseApiKey(key + "x")).toBeNull();
  });
});

describe("scopes", () => {
  it("lets write imply read and full access imply the rest", () => {
    expect(hasScope(["reservations:write"], "reservations:read")).toBe(true);
    expect(hasScope(["reservations:read"], "reservations:write")).toBe(false);
    expect(hasScope(["full_access:read"], "guests:read")).toBe(true);
    expect(hasScope(["full_access:read"], "guests:write")).toBe(false);
    expect(hasScope(["full_access:write"], "messages:send")).toBe(true);
    expect(hasScope(["guests:write"], "reservations:read")).toBe(false);
  });
});

describe("createApiKey", () => {
  it("stores only a hash and a preview, shows the key once, and records who did it", async () => {
    const { property } = await createProperty();
    const [issued] = await createApiKey({ property, actor, input: input({ expiry: "30d" }) });
    expect(issued!.key).toMatch(/^pms_live_/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: issued!.id } });
    expect(row.hash).toBe(hashApiKey(issued!.key));
    expect(JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(issued!.key.slice(9, 30));
    expect(row.last4).toBe(issued!.key.slice(-4));
    expect(Math.round((row.expiresAt!.getTime() - row.createdAt.getTime()) / 86_400_000)).toBe(30);
    const [view] = await listApiKeys(property.id);
    expect(view).toMatchObject({
      name: "Channel manager",
      mode: "LIVE",
      preview: `pms_live_••••••••${issued!.key.slice(-4)}`,
      requestCount: 0,
      lastUsedAt: null,
    });
    expect(view!.status.label).toMatch(/^Active · expires in 30 days$/);
    const [event] = await listApiKeyActivity(property.id);
    expect(event).toMatchObject({ action: "api_key.created", actor: actor.label });
  });

  it("creates a live + test pair together, and refuses the FREE plan", async () => {
    const { property } = await createProperty();
    const pair = await createApiKey({ property, actor, input: input({ mode: "PAIR" }) });
    expect(pair.map((k) => k.mode)).toEqual(["LIVE", "TEST"]);
    const rows = await db.apiKey.findMany({ where: { propertyId: property.id } });
    expect(new Set(rows.map((r) => r.pairId)).size).toBe(1);
    expect(rows[0]!.pairId).not.toBeNull();

    const free = await createProperty({ plan: "FREE" });
    const error = await createApiKey({ property: free.property, actor, input: input() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("PLAN_REQUIRED");
    expect(await db.apiKey.count({ where: { propertyId: free.property.id } })).toBe(0);
  });

  it("validates its input with field paths", () => {
    const result = createApiKeyInput.safeParse({ name: " ", mode: "PROD", scopes: ["everything"], expiry: "date" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "mode", "scopes.0"]));
    const past = createApiKeyInput.safeParse({ name: "x", mode: "LIVE", scopes: ["users:read"], expiry: "date", expiresOn: "2020-01-01" });
    expect(past.error!.issues[0]).toMatchObject({ path: ["expiresOn"], message: "The expiry date must be in the future" });
  });
});

describe("roll and revoke", () => {
  it("rolls with a grace period, never past the old key's expiry, and only once", async () => {
    const { property } = await createProperty();
    const [old] = await createApiKey({ property, actor, input: input({ expiry: "30d", scopes: ["guests:read", "users:read"] }) });
    const before = Date.now();
    const [next] = await rollApiKey({ property, actor, input: rollApiKeyInput.parse({ keyId: old!.id, grace: "24h" }) });
    const [oldRow, newRow] = await Promise.all([
      db.apiKey.findUniqueOrThrow({ where: { id: old!.id } }),
      db.apiKey.findUniqueOrThrow({ where: { id: next!.id } }),
    ]);
    expect(newRow).toMatchObject({ name: "Channel manager", mode: "LIVE", scopes: ["guests:read", "users:read"], rolledFromId: old!.id });
    expect(oldRow.revokedAt!.getTime() - before).toBeGreaterThanOrEqual(24 * 3600_000 - 5_000);
    expect(oldRow.revokedAt!.getTime() - before).toBeLessThanOrEqual(24 * 3600_000 + 5_000);
    expect(keyStatus(oldRow).kind).toBe("rolling");
    await expect(rollApiKey({ property, actor, input: rollApiKeyInput.parse({ keyId: old!.id, grace: "now" }) })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });

    const [short] = await createApiKey({
      property,
      actor,
      input: input({ expiry: "date", expiresOn: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) }),
    });
    await rollApiKey({ property, actor, input: rollApiKeyInput.parse({ keyId: short!.id, grace: "7d" }) });
    const shortRow = await db.apiKey.findUniqueOrThrow({ where: { id: short!.id } });
    expect(shortRow.revokedAt!.getTime()).toBe(shortRow.expiresAt!.getTime());
  });

  it("regenerates a pair in one step", async () => {
    const { property } = await createProperty();
    const [live, test] = await createApiKey({ property, actor, input: input({ mode: "PAIR" }) });
    const rolled = await rollApiKey({ property, actor, input: rollApiKeyInput.parse({ keyId: live!.id, grace: "now", pair: true }) });
    expect(rolled.map((k) => k.mode).sort()).toEqual(["LIVE", "TEST"]);
    const olds = await db.apiKey.findMany({ where: { id: { in: [live!.id, test!.id] } } });
    expect(olds.every((k) => k.rolledAt && k.revokedAt && k.revokedAt <= new Date())).toBe(true);
    const actions = (await listApiKeyActivity(property.id)).map((e) => e.action);
    expect(actions.filter((a) => a === "api_key.rolled")).toHaveLength(2);
  });

  it("revokes at once, keeps the row with who and when, and refuses another property's key", async () => {
    const { property } = await createProperty();
    const other = await createProperty();
    const [issued] = await createApiKey({ property, actor, input: input() });
    await expect(revokeApiKey({ propertyId: other.property.id, keyId: issued!.id, actor })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await revokeApiKey({ propertyId: property.id, keyId: issued!.id, actor });
    const [view] = await listApiKeys(property.id);
    expect(view).toMatchObject({ status: { kind: "revoked", label: "Revoked" }, revokedBy: actor.label });
    await expect(revokeApiKey({ propertyId: property.id, keyId: issued!.id, actor })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect((await listApiKeyActivity(property.id)).map((e) => e.action)).toEqual(["api_key.revoked", "api_key.created"]);
  });
});

describe("revoking a pair", () => {
  it("revokes the live and test keys together when asked, and only the one otherwise", async () => {
    const { property } = await createProperty();
    const [live, test] = await createApiKey({ property, actor, input: input({ mode: "PAIR" }) });
    await revokeApiKey({ propertyId: property.id, keyId: live!.id, actor });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: test!.id } })).revokedAt).toBeNull();
    const [live2, test2] = await createApiKey({ property, actor, input: input({ mode: "PAIR" }) });
    await revokeApiKey({ propertyId: property.id, keyId: test2!.id, actor, pair: true });
    const rows = await db.apiKey.findMany({ where: { id: { in: [live2!.id, test2!.id] } } });
    expect(rows.every((r) => r.revokedAt instanceof Date && r.revokedByLabel === actor.label)).toBe(true);
    expect((await listApiKeyActivity(property.id)).filter((e) => e.action === "api_key.revoked")).toHaveLength(3);
  });
});

describe("a key's name and note", () => {
  it("keeps the note through a roll, renames without touching the key, and records only real changes", async () => {
    const { property } = await createProperty();
    const [issued] = await createApiKey({ property, actor, input: input({ note: "  Staging box at Channex  " }) });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: issued!.id } })).note).toBe("Staging box at Channex");
    const [rolled] = await rollApiKey({ property, actor, input: rollApiKeyInput.parse({ keyId: issued!.id, grace: "1h" }) });
    expect((await listApiKeys(property.id)).find((k) => k.id === rolled!.id)).toMatchObject({ note: "Staging box at Channex" });

    const before = await db.apiKey.findUniqueOrThrow({ where: { id: rolled!.id } });
    const renamed = await updateApiKeyDetails({
      propertyId: property.id,
      actor,
      input: updateApiKeyDetailsInput.parse({ keyId: rolled!.id, name: "Channex production", note: "" }),
    });
    expect(renamed.changed).toBe(true);
    const after = await db.apiKey.findUniqueOrThrow({ where: { id: rolled!.id } });
    expect(after).toMatchObject({ name: "Channex production", note: null, hash: before.hash, scopes: before.scopes, revokedAt: null });
    const again = await updateApiKeyDetails({
      propertyId: property.id,
      actor,
      input: updateApiKeyDetailsInput.parse({ keyId: rolled!.id, name: "Channex production" }),
    });
    expect(again.changed).toBe(false);
    const events = await db.auditEvent.findMany({ where: { propertyId: property.id, action: "api_key.updated" } });
    expect(events.map((e) => e.metadata)).toEqual([
      { name: "Channex production", previousName: "Channel manager", noteChanged: true, mode: "LIVE", preview: `…${after.last4}` },
    ]);
  });

  it("refuses another property's key, a blank name and a note over 200 characters", async () => {
    const { property } = await createProperty();
    const { property: other } = await createProperty();
    const [theirs] = await createApiKey({ property: other, actor, input: input() });
    await expect(
      updateApiKeyDetails({
        propertyId: property.id,
        actor,
        input: updateApiKeyDetailsInput.parse({ keyId: theirs!.id, name: "Mine now" }),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const refused = updateApiKeyDetailsInput.safeParse({ keyId: theirs!.id, name: "  ", note: "x".repeat(201) });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join("."))).toEqual(["name", "note"]);
    // Text the database cannot hold is a field error, not a failed write.
    const nul = updateApiKeyDetailsInput.safeParse({ keyId: "a\u0000b", name: "A\u0000", note: "\ud800" });
    expect(nul.error?.issues.map((i) => i.path.join("."))).toEqual(["keyId", "name", "note"]);
  });
});

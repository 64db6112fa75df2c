// The API-key alert rules with the clock injected: each raised once per condition and window, none for a
// FREE property, an error rate resolved when it ends and raised again when it comes back.
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { createApiKey } from "../../lib/api-keys/create-api-key";
import { createApiKeyInput } from "../../lib/api-keys/schemas";
import { evaluateAlerts } from "../../lib/alerts/evaluate-alerts";
import { median } from "../../lib/integration-rules/alerts/usage-spike";
import { enqueueRequestLog, flushRequestLogs, type RequestLogEntry } from "../../lib/request-logs/log-writer";
import { emptyHistogram } from "../../lib/rollups/latency-histogram";
import { logEntry } from "../api-fixtures";
import { createProperty } from "../fixtures";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const admin = { type: "USER" as const, id: null, label: "Admin" };

async function propertyAndKey(options: { plan?: "FREE" | "PRO"; expiresAt?: string; createdAt?: Date } = {}) {
  const { property } = await createProperty();
  const [issued] = await createApiKey({
    property,
    actor: admin,
    input: createApiKeyInput.parse({ name: "Channex", mode: "LIVE", scopes: ["reservations:read"] }),
  });
  // A property moved to FREE keeps its keys (they stop working).
  if (options.plan === "FREE") await db.property.update({ where: { id: property.id }, data: { plan: "FREE" } });
  if (options.expiresAt) await db.apiKey.update({ where: { id: issued!.id }, data: { expiresAt: new Date(options.expiresAt) } });
  if (options.createdAt) await db.apiKey.update({ where: { id: issued!.id }, data: { createdAt: options.createdAt } });
  return { property, keyId: issued!.id };
}

const alertsOf = (propertyId: string) => db.alert.findMany({ where: { propertyId }, orderBy: { createdAt: "asc" } });

const request = (propertyId: string, apiKeyId: string, at: Date, overrides: Partial<RequestLogEntry> = {}) =>
  logEntry(propertyId, { apiKeyId, createdAt: at.toISOString(), durationMs: 12, ...overrides });

async function traffic(entries: RequestLogEntry[]) {
  for (const entry of entries) enqueueRequestLog(entry);
  await flushRequestLogs();
}

describe("key alerts", () => {
  it("an expiring key: once within 7 days of its expiry, not before, and not for a FREE property", async () => {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 9 * DAY);
    const { property, keyId } = await propertyAndKey({ expiresAt: expiresAt.toISOString() });
    const free = await propertyAndKey({ plan: "FREE", expiresAt: expiresAt.toISOString() });

    await evaluateAlerts({ now, rules: ["KEY_EXPIRING"] });
    expect(await alertsOf(property.id)).toEqual([]);

    const later = new Date(now.getTime() + 3 * DAY);
    await evaluateAlerts({ now: later, rules: ["KEY_EXPIRING"] });
    await evaluateAlerts({ now: new Date(later.getTime() + HOUR), rules: ["KEY_EXPIRING"] });
    const alerts = await alertsOf(property.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule: "KEY_EXPIRING",
      subjectId: keyId,
      actionHref: `/keys?roll=${keyId}`,
      actionLabel: "Roll the key…",
    });
    expect(alerts[0]!.title).toContain("Channex");
    expect(alerts[0]!.createdAt).toEqual(later);
    expect(await alertsOf(free.property.id)).toEqual([]);
  });

  it("an unused key: after 90 days without a request, once per last use", async () => {
    const now = new Date();
    const { property, keyId } = await propertyAndKey({ createdAt: new Date(now.getTime() - 120 * DAY) });
    await db.apiKey.update({ where: { id: keyId }, data: { lastUsedAt: new Date(now.getTime() - 30 * DAY) } });
    await evaluateAlerts({ now, rules: ["KEY_UNUSED"] });
    expect(await alertsOf(property.id)).toEqual([]);

    await evaluateAlerts({ now: new Date(now.getTime() + 61 * DAY), rules: ["KEY_UNUSED"] });
    await evaluateAlerts({ now: new Date(now.getTime() + 62 * DAY), rules: ["KEY_UNUSED"] });
    const alerts = await alertsOf(property.id);
    expect(alerts.map((a) => a.rule)).toEqual(["KEY_UNUSED"]);
    expect(alerts[0]!.body).toMatch(/^Last used on /);
    expect(alerts[0]!.actionHref).toBe(`/keys?revoke=${keyId}`);
  });

  it("a key never used at all says so", async () => {
    const now = new Date();
    const { property } = await propertyAndKey({ createdAt: new Date(now.getTime() - 91 * DAY) });
    await evaluateAlerts({ now, rules: ["KEY_UNUSED"] });
    expect((await alertsOf(property.id))[0]!.body).toMatch(/^Never used since it was created on /);
  });

  it("a new client address: not the key's first, once per address", async () => {
    const now = new Date();
    const { property, keyId } = await propertyAndKey();
    const at = (ms: number) => new Date(now.getTime() + ms);
    await traffic([request(property.id, keyId, at(0), { ip: "203.0.113.7" })]);
    await evaluateAlerts({ now: at(MIN), rules: ["KEY_NEW_IP"] });
    expect(await alertsOf(property.id)).toEqual([]);

    await traffic([
      request(property.id, keyId, at(2 * MIN), { ip: "198.51.100.20" }),
      request(property.id, keyId, at(3 * MIN), { ip: "203.0.113.7" }),
    ]);
    await evaluateAlerts({ now: at(4 * MIN), rules: ["KEY_NEW_IP"] });
    await evaluateAlerts({ now: at(5 * MIN), rules: ["KEY_NEW_IP"] });
    await traffic([request(property.id, keyId, at(6 * MIN), { ip: "198.51.100.20" })]);
    await evaluateAlerts({ now: at(7 * MIN), rules: ["KEY_NEW_IP"] });
    let alerts = await alertsOf(property.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.body).toContain("198.51.100.20 first called with it at");
    expect(alerts[0]!.body).toContain("1 other address");

    await traffic([request(property.id, keyId, at(3 * HOUR), { ip: "192.0.2.99" })]);
    await evaluateAlerts({ now: at(3 * HOUR + MIN), rules: ["KEY_NEW_IP"] });
    alerts = await alertsOf(property.id);
    expect(alerts.map((a) => a.dedupeKey)).toEqual([`KEY_NEW_IP:${keyId}:198.51.100.20`, `KEY_NEW_IP:${keyId}:192.0.2.99`]);
  });

  it("a usage spike: the last hour at 10× the key's hourly median over the past week, once a day", async () => {
    const now = new Date(Math.floor(Date.now() / HOUR) * HOUR + 30 * MIN);
    const { property, keyId } = await propertyAndKey({ createdAt: new Date(now.getTime() - 8 * DAY) });
    // A week of 20 requests an hour, and one busy hour the median ignores.
    const start = new Date(Math.floor(now.getTime() / HOUR) * HOUR - HOUR - 7 * DAY);
    await db.apiUsageRollup.createMany({
      data: Array.from({ length: 7 * 24 }, (_, i) => ({
        propertyId: property.id,
        width: 3600,
        bucket: new Date(start.getTime() + i * HOUR),
        apiKeyId: keyId,
        requests: i === 100 ? 5000 : 20,
        ok: 20,
        clientErrors: 0,
        rateLimited: 0,
        serverErrors: 0,
        durationSum: 0,
        latency: emptyHistogram(),
        lastSeenAt: new Date(start.getTime() + i * HOUR),
      })),
    });
    const lastHour = (n: number) =>
      traffic(Array.from({ length: n }, (_, i) => request(property.id, keyId, new Date(now.getTime() - 50 * MIN + (i % 40) * MIN))));
    await lastHour(150);
    await evaluateAlerts({ now, rules: ["USAGE_SPIKE"] });
    expect(await alertsOf(property.id)).toEqual([]);

    await lastHour(60);
    await evaluateAlerts({ now, rules: ["USAGE_SPIKE"] });
    await evaluateAlerts({ now: new Date(now.getTime() + 5 * MIN), rules: ["USAGE_SPIKE"] });
    const alerts = await alertsOf(property.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.body).toBe(
      "210 requests in the last hour: 10× its hourly median of 20 over the past week. If the integration should not be this busy, look at its requests, or roll the key.",
    );
  });

  it("a young or quiet key is no spike", async () => {
    const now = new Date();
    const young = await propertyAndKey();
    await traffic(Array.from({ length: 300 }, () => request(young.property.id, young.keyId, new Date(now.getTime() - 10 * MIN))));
    await evaluateAlerts({ now, rules: ["USAGE_SPIKE"] });
    expect(await alertsOf(young.property.id)).toEqual([]);
    expect(median([0, 0, 5, 7])).toBe(2.5);
    expect(median([3, 1, 2])).toBe(2);
  });

  it("an error rate over 20 % for 15 minutes: raised once, resolved when it ends, raised again when it comes back", async () => {
    const now = new Date(Math.floor(Date.now() / MIN) * MIN);
    const { property, keyId } = await propertyAndKey();
    const at = (ms: number) => new Date(now.getTime() + ms);
    const burst = (start: number, total: number, failed: number) =>
      traffic(
        Array.from({ length: total }, (_, i) =>
          request(
            property.id,
            keyId,
            at(start + (i % 10) * MIN),
            i < failed ? { status: 404, errorCode: "NOT_FOUND", route: "/reservations/{id}" } : {},
          ),
        ),
      );
    await burst(0, 30, 6); // 20 %: not over
    await evaluateAlerts({ now: at(10 * MIN), rules: ["ERROR_RATE"] });
    expect(await alertsOf(property.id)).toEqual([]);

    await burst(0, 10, 10); // 16 of 40
    await evaluateAlerts({ now: at(10 * MIN), rules: ["ERROR_RATE"] });
    await evaluateAlerts({ now: at(11 * MIN), rules: ["ERROR_RATE"] });
    let alerts = await alertsOf(property.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.body).toBe(
      "16 of 40 requests (40 %) failed in the last 15 minutes, most of them for records that don't exist (404) on GET /reservations/{id}.",
    );
    expect(alerts[0]!.actionHref).toBe(`/logs?key=${keyId}&status=4xx&range=1h`);

    await burst(30 * MIN, 20, 0);
    await evaluateAlerts({ now: at(40 * MIN), rules: ["ERROR_RATE"] });
    alerts = await alertsOf(property.id);
    expect(alerts[0]!.resolvedAt).toEqual(at(40 * MIN));

    await burst(60 * MIN, 20, 15);
    await evaluateAlerts({ now: at(70 * MIN), rules: ["ERROR_RATE"] });
    alerts = await alertsOf(property.id);
    expect(alerts).toHaveLength(2);
    expect(alerts[1]!.resolvedAt).toBeNull();
  });
});

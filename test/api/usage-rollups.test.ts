// The rollups the Overview reads: kept by the request-log writer and the delivery engine in the same
// statement as the rows they count, so they always agree with the log, and a batch written twice
// counts once. Real route handlers, a real receiver, the real database.
import { afterEach, describe, expect, it } from "vitest";
import * as oneReservation from "../../app/api/v1/reservations/[id]/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import * as usersRoute from "../../app/api/v1/users/route";
import * as endpointsRoute from "../../app/api/v1/webhook-endpoints/route";
import { call } from "../api-client";
import { bookStay, keyFor, logEntry, propertyWithKey } from "../api-fixtures";
import { startReceiver } from "../webhook-receiver";
import { db, getPool } from "../../lib/db/client";
import { configureTrustProxyHops } from "../../lib/http/client-ip";
import { enqueueRequestLog, flushRequestLogs, WRITE_BATCH, type RequestLogEntry } from "../../lib/request-logs/log-writer";
import { formatLocalTime } from "../../lib/integration-rules/wording";
import { integrationHealth } from "../../lib/rollups/integration-health";
import { histogramPercentile } from "../../lib/rollups/latency-histogram";
import { purgeRollups } from "../../lib/rollups/purge-rollups";
import { deliveryBackfillSql, requestBackfillSql } from "../../lib/rollups/backfill-rollups";
import {
  deliveryStats,
  errorGroups,
  keyClientAddresses,
  keySparklines,
  rangeWindow,
  requestSeries,
  topRoutes,
} from "../../lib/rollups/usage-reports";
import { WebhookWorker } from "../../lib/webhooks/engine/webhook-worker";

const receivers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  configureTrustProxyHops(null);
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const entry = (propertyId: string, overrides: Partial<RequestLogEntry>) => logEntry(propertyId, { apiKeyId: "key_a", ...overrides });

describe("request rollups", () => {
  it("count an integrator's calls by outcome, operation, error code and client address, as the log does", async () => {
    configureTrustProxyHops(1);
    const { property, key, rooms } = await propertyWithKey();
    const keyId = (await db.apiKey.findFirstOrThrow({ where: { propertyId: property.id } })).id;
    const from = (ip: string) => ({ "x-forwarded-for": ip });
    const { id } = await bookStay(key, rooms[0]!.id);
    await call(oneReservation.GET, { key, params: { id }, path: `/api/v1/reservations/${id}`, headers: from("203.0.113.7") });
    for (const missing of ["res_gone1", "res_gone2", "res_gone3"])
      await call(oneReservation.GET, {
        key,
        params: { id: missing },
        path: `/api/v1/reservations/${missing}`,
        headers: from("203.0.113.7"),
      });
    await call(reservationsRoute.GET, { key, path: "/api/v1/reservations?limit=0", headers: from("198.51.100.20") });
    await call(usersRoute.GET, { key, headers: from("198.51.100.20") });
    await flushRequestLogs();

    const logs = await db.requestLog.findMany({ where: { propertyId: property.id } });
    expect(logs).toHaveLength(7);
    expect(new Set(logs.map((l) => l.route))).toEqual(new Set(["/reservations", "/reservations/{id}", "/users"]));

    const series = await requestSeries(property.id, "24h");
    expect(series.points).toHaveLength(96);
    const ok = logs.filter((l) => l.status < 400).length;
    expect(series.totals).toMatchObject({ requests: 7, ok, clientErrors: 7 - ok, rateLimited: 0, serverErrors: 0 });
    expect(series.points.reduce((sum, p) => sum + p.requests, 0)).toBe(7);
    expect(series.totals.p95Ms).not.toBeNull();
    // The hour rows hold the same counts as the minute rows.
    const week = await requestSeries(property.id, "7d");
    expect(week.totals.requests).toBe(7);
    expect(week.points).toHaveLength(168);

    const groups = await errorGroups(property.id, "24h");
    expect(groups[0]).toMatchObject({ errorCode: "NOT_FOUND", status: 404, method: "GET", route: "/reservations/{id}", count: 3 });
    expect(groups.map((g) => g.errorCode)).toContain("VALIDATION_ERROR");
    expect(await errorGroups(property.id, "24h", { apiKeyId: "another" })).toEqual([]);

    const top = await topRoutes(property.id, keyId, "7d");
    expect(top[0]).toMatchObject({ method: "GET", route: "/reservations/{id}", requests: 4, errors: 3 });
    expect(top.find((r) => r.method === "POST")).toMatchObject({ route: "/reservations", requests: 1, errors: 0 });

    const addresses = await keyClientAddresses(keyId);
    expect(addresses.map((a) => [a.ip, a.requests]).sort()).toEqual([
      ["198.51.100.20", 2],
      ["203.0.113.7", 4],
    ]);
    const lines = await keySparklines(property.id);
    expect(lines[keyId]!.reduce((a, b) => a + b, 0)).toBe(7);
    expect(lines[keyId]![23]).toBe(7);
  });

  it("count a batch written twice once, put each request in its minute, and give a p95 from the histogram", async () => {
    const { property } = await propertyWithKey();
    const now = new Date();
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000 - 10 * 60_000);
    const batch = Array.from({ length: 100 }, (_, i) =>
      entry(property.id, {
        createdAt: new Date(minute.getTime() + (i % 2) * 60_000 + 1000).toISOString(),
        durationMs: i + 1,
        status: i < 90 ? 200 : i < 95 ? 429 : 503,
        errorCode: i < 90 ? null : i < 95 ? "RATE_LIMITED" : "SERVICE_UNAVAILABLE",
      }),
    );
    for (const e of batch) enqueueRequestLog(e);
    await flushRequestLogs();
    // The writer retries a batch whose answer it lost: the rows exist, so nothing is added.
    for (const e of batch) enqueueRequestLog({ ...e });
    await flushRequestLogs();

    const rows = await db.apiUsageRollup.findMany({ where: { propertyId: property.id, width: 60 }, orderBy: { bucket: "asc" } });
    expect(rows.map((r) => [r.bucket.toISOString(), r.requests])).toEqual([
      [minute.toISOString(), 50],
      [new Date(minute.getTime() + 60_000).toISOString(), 50],
    ]);
    const series = await requestSeries(property.id, "24h", { now });
    expect(series.totals).toMatchObject({ requests: 100, ok: 90, rateLimited: 5, serverErrors: 5, clientErrors: 0 });
    // Durations 1..100 ms: the 95th lies in the 75–100 ms bucket.
    expect(series.totals.p95Ms).toBeGreaterThanOrEqual(75);
    expect(series.totals.p95Ms).toBeLessThanOrEqual(100);
    const [hour] = await db.apiUsageRollup.findMany({ where: { propertyId: property.id, width: 3600 } });
    expect(histogramPercentile(hour!.latency, 0.5)).toBeGreaterThanOrEqual(35);
    expect(histogramPercentile(hour!.latency, 0.5)).toBeLessThanOrEqual(75);
  });

  it("read a long range from whole days and the hours at its ends, and count each request once", async () => {
    const { property } = await propertyWithKey();
    const now = new Date();
    // An error every 7 hours over 40 days: some in the range's first and last partial days, some outside it.
    const entries = Array.from({ length: 140 }, (_, i) =>
      entry(property.id, {
        createdAt: new Date(now.getTime() - i * 7 * 3_600_000 - 60_000).toISOString(),
        status: 404,
        errorCode: "NOT_FOUND",
        route: "/reservations/{id}",
      }),
    );
    for (const e of entries) enqueueRequestLog(e);
    await flushRequestLogs();
    for (const range of ["24h", "7d", "30d"] as const) {
      const { start } = rangeWindow(range, now);
      const from = Math.floor(start.getTime() / 3_600_000) * 3_600_000;
      const expected = entries.filter((e) => new Date(e.createdAt).getTime() >= from).length;
      const [group] = await errorGroups(property.id, range, { now });
      expect(group?.count ?? 0, range).toBe(expected);
    }
  });

  it("survive two writers adding to the same minutes at once", async () => {
    const { property } = await propertyWithKey();
    const at = new Date().toISOString();
    const statement = (n: number) =>
      Array.from({ length: 200 }, (_, i) => entry(property.id, { createdAt: at, apiKeyId: `key_${i % 5}`, id: `req_${n}_${i}` }));
    // Two pool connections, each writing its own batch over the same (key, minute) rows.
    await Promise.all([1, 2, 3, 4].map((n) => getPool().query(WRITE_BATCH, [JSON.stringify(statement(n))])));
    const total = await db.apiUsageRollup.aggregate({ where: { propertyId: property.id, width: 60 }, _sum: { requests: true } });
    expect(total._sum.requests).toBe(800);
  });
});

describe("rollups of rows already stored", () => {
  it("the backfill (run once by the migration) gives the rollups the writer keeps", async () => {
    const written = (await propertyWithKey()).property;
    const stored = (await propertyWithKey()).property;
    const now = Date.now();
    const entries = Array.from({ length: 60 }, (_, i) => ({
      createdAt: new Date(now - i * 97_000).toISOString(),
      status: [200, 201, 404, 429, 500][i % 5]!,
      errorCode: [null, null, "NOT_FOUND", "RATE_LIMITED", "INTERNAL_ERROR"][i % 5]!,
      durationMs: (i * 37) % 900,
      ip: `192.0.2.${i % 3}`,
      key: `key_${i % 2}`,
    }));
    // Key ids are unique across properties (a client address row belongs to its key).
    const keyed = (propertyId: string, { key, ...e }: (typeof entries)[number]) => ({ ...e, apiKeyId: `${propertyId}_${key}` });
    for (const e of entries) enqueueRequestLog(entry(written.id, keyed(written.id, e)));
    await flushRequestLogs();
    // The same requests stored without their rollups (as logs written before rollups existed were).
    const raw = entries.map((e) => ({
      ...entry(stored.id, keyed(stored.id, e)),
      query: "{}",
      requestHeaders: "{}",
      responseHeaders: "{}",
    }));
    await getPool().query(`INSERT INTO "RequestLog" SELECT * FROM jsonb_populate_recordset(NULL::"RequestLog", $1::jsonb)`, [
      JSON.stringify(raw),
    ]);
    expect(await db.apiUsageRollup.count({ where: { propertyId: stored.id } })).toBe(0);
    await getPool().query(requestBackfillSql(`"propertyId" = $1`), [stored.id]);

    const shape = async (propertyId: string) => ({
      usage: (
        await db.apiUsageRollup.findMany({ where: { propertyId }, orderBy: [{ width: "asc" }, { bucket: "asc" }, { apiKeyId: "asc" }] })
      ).map(({ propertyId: _, ...row }) => ({ ...row, apiKeyId: row.apiKeyId.replace(propertyId, "") })),
      routes: (
        await db.apiRouteRollup.findMany({ where: { propertyId }, orderBy: [{ bucket: "asc" }, { apiKeyId: "asc" }, { status: "asc" }] })
      ).map(({ propertyId: _, ...row }) => ({ ...row, apiKeyId: row.apiKeyId.replace(propertyId, "") })),
      addresses: (await db.apiKeyClientIp.findMany({ where: { propertyId }, orderBy: [{ apiKeyId: "asc" }, { ip: "asc" }] })).map(
        ({ propertyId: _, ...row }) => ({ ...row, apiKeyId: row.apiKeyId.replace(propertyId, "") }),
      ),
    });
    const [fromWriter, fromBackfill] = [await shape(written.id), await shape(stored.id)];
    expect(fromWriter.usage.length).toBeGreaterThan(2);
    expect(fromBackfill).toEqual(fromWriter);
  });
});

describe("rollup retention", () => {
  it("drops minute rows after 2 days and hour rows after 90, and keeps what the charts still read", async () => {
    const { property } = await propertyWithKey();
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3_600_000);
    for (const [days, width] of [
      [1, 60],
      [3, 60],
      [89, 3600],
      [91, 3600],
    ] as const) {
      const at = daysAgo(days);
      enqueueRequestLog(entry(property.id, { createdAt: at.toISOString(), ip: width === 60 ? "192.0.2.1" : `192.0.2.${days}` }));
    }
    await flushRequestLogs();
    await purgeRollups({ now, batch: 2 });
    const left = await db.apiUsageRollup.findMany({ where: { propertyId: property.id }, orderBy: [{ width: "asc" }, { bucket: "asc" }] });
    // Minutes: only the one a day ago. Hours: all but the one 91 days ago (a day-old and 3-day-old request's hour stay).
    expect(left.filter((r) => r.width === 60)).toHaveLength(1);
    expect(left.filter((r) => r.width === 3600)).toHaveLength(3);
    expect(await db.apiRouteRollup.count({ where: { propertyId: property.id, width: 3600 } })).toBe(3);
    expect(await db.apiRouteRollup.count({ where: { propertyId: property.id, width: 86400 } })).toBe(3);
  });
});

describe("delivery rollups", () => {
  it("count each attempt, its success or failure and the deliveries that gave up, per endpoint", async () => {
    const { property, key, rooms } = await propertyWithKey();
    let answers = 0;
    const r = await startReceiver({ answer: () => ({ status: ++answers <= 1 ? 200 : 500 }) });
    receivers.push(r);
    const created = await call(endpointsRoute.POST, {
      method: "POST",
      path: "/api/v1/webhook-endpoints",
      key,
      body: { url: r.url, eventTypes: ["reservation.created"], description: "Acme Locks" },
    });
    const endpointId = (created.body as { data: { id: string } }).data.id;
    await bookStay(key, rooms[0]!.id);
    await bookStay(key, rooms[1]!.id, { arrivalDate: "2031-05-01", departureDate: "2031-05-04" });
    const clock = { now: new Date() };
    const worker = new WebhookWorker({ pool: getPool(), clock: () => clock.now, random: () => 0.5, log: () => {}, allowPrivate: true });
    await worker.runOnce();
    expect(r.received).toHaveLength(2);

    const now = new Date(Date.now() + 60_000);
    const stats = (await deliveryStats(property.id, new Date(now.getTime() - 3_600_000), now)).get(endpointId)!;
    expect(stats).toMatchObject({ attempts: 2, succeeded: 1, failed: 1, exhausted: 0 });
    expect(stats.lastSucceededAt).not.toBeNull();
    expect(stats.lastFailedAt).not.toBeNull();
    expect(stats.p95Ms).not.toBeNull();
    const hourly = await db.webhookDeliveryRollup.findMany({ where: { endpointId, width: 3600 } });
    expect(hourly.reduce((sum, h) => sum + h.attempts, 0)).toBe(2);

    // The migration's backfill, from the stored attempts, gives the same rows.
    const kept = await db.webhookDeliveryRollup.findMany({ where: { endpointId }, orderBy: [{ width: "asc" }, { bucket: "asc" }] });
    await db.webhookDeliveryRollup.deleteMany({ where: { endpointId } });
    await getPool().query(deliveryBackfillSql(`d."endpointId" = $1`), [endpointId]);
    const rebuilt = await db.webhookDeliveryRollup.findMany({ where: { endpointId }, orderBy: [{ width: "asc" }, { bucket: "asc" }] });
    expect(rebuilt.map((r) => [r.width, r.attempts, r.succeeded, r.failed, r.exhausted, r.durationSum, r.latency])).toEqual(
      kept.map((r) => [r.width, r.attempts, r.succeeded, r.failed, r.exhausted, r.durationSum, r.latency]),
    );
  });
});

describe("integration health of one key", () => {
  it("reads only that key's traffic and gives the same line as the whole property's list", async () => {
    const { property } = await propertyWithKey();
    await keyFor(property, ["reservations:read"]);
    const keys = await db.apiKey.findMany({ where: { propertyId: property.id }, orderBy: { createdAt: "asc" } });
    expect(keys).toHaveLength(2);
    const [first, second] = keys as [(typeof keys)[0], (typeof keys)[0]];
    for (let i = 0; i < 12; i++) {
      enqueueRequestLog(logEntry(property.id, { apiKeyId: first.id, status: i < 6 ? 404 : 200, errorCode: i < 6 ? "NOT_FOUND" : null }));
      enqueueRequestLog(logEntry(property.id, { apiKeyId: second.id }));
    }
    await flushRequestLogs();
    const all = await integrationHealth(property);
    expect(all.map((h) => `${h.kind} ${h.id}`).sort()).toEqual([`key ${first.id}`, `key ${second.id}`].sort());
    const mine = await integrationHealth(property, new Date(), { keyId: first.id });
    expect(mine).toEqual(all.filter((h) => h.id === first.id));
    expect(mine[0]).toMatchObject({
      state: "failing",
      sentence: expect.stringContaining("most of them for records that don't exist (404) on GET /reservations"),
    });
  });
});

describe("integration health of disabled endpoints", () => {
  it("tells an endpoint the engine disabled (failing, with what happened) from one disabled by hand (paused), by its cause", async () => {
    const { property } = await propertyWithKey();
    const now = new Date();
    const disabledAt = new Date(now.getTime() - 3_600_000);
    const failingSince = new Date(now.getTime() - 6 * 24 * 3_600_000);
    const causes = [
      ["Failing", "FAILING", null],
      ["Gone", "GONE", null],
      ["Person", "BY_USER", "Adam Admin <adam@example.com>"],
      ["Created", "CREATED_DISABLED", null],
    ] as const;
    for (const [description, cause, by] of causes) {
      await db.webhookEndpoint.create({
        data: {
          id: `we_${description.toLowerCase()}_${property.id}`,
          propertyId: property.id,
          url: "https://example.com/hook",
          description,
          eventTypes: ["*"],
          enabled: false,
          disabledCause: cause,
          disabledBy: by,
          disabledAt,
          failingSince: cause === "FAILING" ? failingSince : null,
          secret: "sealed",
        },
      });
    }
    const at = (d: Date) => formatLocalTime(d, property.timezone, now);
    const utc = (d: Date) => `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
    const lines = (await integrationHealth(property, now)).filter((h) => h.kind === "endpoint");
    expect(Object.fromEntries(lines.map((h) => [h.name, [h.state, h.sentence]]))).toEqual({
      Failing: [
        "failing",
        `Failing: disabled since ${at(disabledAt)}: every delivery failed for 5 days (since ${utc(failingSince)}). No success in the last 7 days.`,
      ],
      Gone: [
        "failing",
        `Gone: disabled since ${at(disabledAt)}: the endpoint answered 410 Gone on ${utc(disabledAt)}. No success in the last 7 days.`,
      ],
      Person: ["paused", `Person: disabled by a person since ${at(disabledAt)}; nothing is sent until it is enabled again.`],
      Created: ["paused", `Created: disabled by a person since ${at(disabledAt)}; nothing is sent until it is enabled again.`],
    });
  });
});

import { describe, expect, it } from "vitest";
import { createProperty } from "../../test/fixtures";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { listRequestLogs, parseRequestLogQuery, requestLogFilters } from "./list-request-logs";
import { FROM_AFTER_TO_MESSAGE, logFilterParsers, logFilterQuery, resolveLogFilters, STATUS_MESSAGE } from "./log-filter-params";
import { createLoader } from "nuqs/server";

const NOW = new Date("2026-11-23T12:00:00Z");

let prefix = "";

async function seed() {
  prefix = `t${Math.random().toString(36).slice(2, 8)}_`;
  const { property } = await createProperty();
  const other = await createProperty();
  const specs = [
    { method: "GET", status: 200, path: "/api/v1/reservations", key: "k1", ago: 10 * 60_000 },
    { method: "POST", status: 201, path: "/api/v1/reservations", key: "k1", ago: 2 * 3600_000 },
    { method: "POST", status: 409, path: "/api/v1/reservations", key: "k2", ago: 3 * 3600_000 },
    { method: "GET", status: 404, path: "/api/v1/guests/x", key: "k2", ago: 2 * 86_400_000 },
    { method: "PATCH", status: 400, path: "/api/v1/reservations/r1", key: "k1", ago: 10 * 86_400_000 },
    { method: "GET", status: 500, path: "/api/v1/users", key: "k1", ago: 40 * 86_400_000 },
    { method: "GET", status: 429, path: "/api/v1/guests", key: "k2", ago: 30_000 },
  ];
  const base = { query: {}, durationMs: 3, keyPreview: "pms_live_••••••••abcd", mode: "LIVE" as const, requestHeaders: {} };
  await db.requestLog.createMany({
    data: [
      ...specs.map((s, i) => ({
        ...base,
        id: `${prefix}req_${i}`,
        propertyId: property.id,
        method: s.method,
        status: s.status,
        path: s.path,
        apiKeyId: s.key,
        createdAt: new Date(NOW.getTime() - s.ago),
      })),
      {
        ...base,
        id: `${prefix}req_other`,
        propertyId: other.property.id,
        method: "GET",
        status: 404,
        path: "/api/v1/guests/x",
        apiKeyId: "k9",
        createdAt: NOW,
      },
    ],
  });
  return property.id;
}

const ids = async (propertyId: string, query: Record<string, string>) =>
  (
    await listRequestLogs(
      propertyId,
      requestLogFilters.parse(query.requestId ? { ...query, requestId: prefix + query.requestId } : query),
      NOW,
    )
  ).rows.map((r) => r.id.slice(prefix.length));

describe("listRequestLogs", () => {
  it("returns exactly the rows each filter and combination matches, newest first, never another property's", async () => {
    const propertyId = await seed();
    expect(await ids(propertyId, {})).toEqual(["req_6", "req_0", "req_1", "req_2", "req_3", "req_4", "req_5"]);
    expect(await ids(propertyId, { method: "POST" })).toEqual(["req_1", "req_2"]);
    expect(await ids(propertyId, { method: "POST,PATCH" })).toEqual(["req_1", "req_2", "req_4"]);
    expect(await ids(propertyId, { status: "4xx" })).toEqual(["req_6", "req_2", "req_3", "req_4"]);
    expect(await ids(propertyId, { status: "404" })).toEqual(["req_3"]);
    expect(await ids(propertyId, { key: "k2" })).toEqual(["req_6", "req_2", "req_3"]);
    expect(await ids(propertyId, { range: "1h" })).toEqual(["req_6", "req_0"]);
    expect(await ids(propertyId, { range: "24h" })).toEqual(["req_6", "req_0", "req_1", "req_2"]);
    expect(await ids(propertyId, { range: "7d" })).toEqual(["req_6", "req_0", "req_1", "req_2", "req_3"]);
    expect(await ids(propertyId, { range: "30d" })).toEqual(["req_6", "req_0", "req_1", "req_2", "req_3", "req_4"]);
    expect(await ids(propertyId, { range: "custom", from: "2026-11-13T00:00:00Z", to: "2026-11-21T13:00:00Z" })).toEqual([
      "req_3",
      "req_4",
    ]);
    expect(await ids(propertyId, { path: "guests" })).toEqual(["req_6", "req_3"]);
    expect(await ids(propertyId, { requestId: "req_4" })).toEqual(["req_4"]);
    expect(await ids(propertyId, { requestId: "req_other" })).toEqual([]);
    expect(await ids(propertyId, { status: "4xx", range: "24h", method: "POST" })).toEqual(["req_2"]);
    expect(await ids(propertyId, { status: "4xx", key: "k1", path: "reservations" })).toEqual(["req_4"]);
    expect(await ids(propertyId, { status: "nonsense", limit: "-1" })).toHaveLength(7); // nonsense filters are ignored, not a 500
  });

  it("walks every row exactly once with keyset pagination", async () => {
    const propertyId = await seed();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { rows: { id: string }[]; nextCursor: string | null } = await listRequestLogs(
        propertyId,
        requestLogFilters.parse({ limit: "2", ...(cursor ? { cursor } : {}) }),
        NOW,
      );
      seen.push(...page.rows.map((r) => r.id.slice(prefix.length)));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["req_6", "req_0", "req_1", "req_2", "req_3", "req_4", "req_5"]);
  });
});

describe("filters a person cannot apply", () => {
  const refusal = (query: Record<string, string>) => {
    try {
      parseRequestLogQuery(query);
      return null;
    } catch (error) {
      return error instanceof AppError ? [error.code, error.status, error.fields] : error;
    }
  };

  it("the JSON route's parser refuses a bad status, From after To and unreadable dates with 400 VALIDATION_ERROR, and accepts a real range", () => {
    expect(refusal({ range: "custom", from: "2026-11-20T10:00", to: "2026-11-19T10:00" })).toEqual([
      "VALIDATION_ERROR",
      400,
      { from: [FROM_AFTER_TO_MESSAGE] },
    ]);
    expect(refusal({ status: "abc" })).toEqual(["VALIDATION_ERROR", 400, { status: [expect.stringContaining("404")] }]);
    expect(refusal({ status: "4xx" })).toBeNull();
    expect(refusal({ range: "custom", from: "yesterday" })).toEqual([
      "VALIDATION_ERROR",
      400,
      { from: [expect.stringContaining("Not a date")] },
    ]);
    expect(refusal({ range: "custom", from: "2026-11-19T10:00", to: "2026-11-20T10:00" })).toBeNull();
    expect(refusal({ range: "custom", from: "2026-11-19T10:00", to: "2026-11-19T10:00" })).toBeNull();
  });

  it("the page names each URL filter it ignores, and applies the rest", () => {
    const load = createLoader(logFilterParsers);
    const bad = resolveLogFilters(load("?status=abc&method=GET,TRACE&path=guests"));
    expect(bad.ignored).toEqual([{ field: "status", label: "Status", value: "abc", message: STATUS_MESSAGE }]);
    expect(logFilterQuery(bad.applied)).toBe("method=GET&path=guests");

    const reversed = resolveLogFilters(load("?from=2026-11-20T10:00&to=2026-11-19T10:00"));
    expect(reversed.ignored.map((f) => [f.field, f.message])).toEqual([["from", FROM_AFTER_TO_MESSAGE]]);
    expect(logFilterQuery(reversed.applied)).toBe("range=custom");

    const fine = resolveLogFilters(load("?status=4xx&range=custom&from=2026-11-19T10:00&to=2026-11-20T10:00"));
    expect(fine.ignored).toEqual([]);
    expect(new URLSearchParams(logFilterQuery(fine.applied)).get("status")).toBe("4xx");
    expect(new URLSearchParams(logFilterQuery(fine.applied)).get("from")).toBe("2026-11-19T10:00");
  });
});

describe("key names", () => {
  it("joins each row's key name, mode and last four from this property's keys; a deleted or foreign key is null", async () => {
    const { propertyWithKey } = await import("../../test/api-fixtures");
    const { property } = await propertyWithKey();
    const other = await propertyWithKey();
    const apiKey = await db.apiKey.findFirstOrThrow({ where: { propertyId: property.id } });
    const otherKey = await db.apiKey.findFirstOrThrow({ where: { propertyId: other.property.id } });
    const base = {
      query: {},
      durationMs: 3,
      keyPreview: "pms_live_••••••••abcd",
      mode: "LIVE" as const,
      requestHeaders: {},
      method: "GET",
    };
    const id = `k${Math.random().toString(36).slice(2, 8)}_`;
    await db.requestLog.createMany({
      data: [
        { ...base, id: `${id}1`, propertyId: property.id, status: 200, path: "/a", apiKeyId: apiKey.id, createdAt: NOW },
        { ...base, id: `${id}2`, propertyId: property.id, status: 200, path: "/b", apiKeyId: "deleted", createdAt: NOW },
        { ...base, id: `${id}3`, propertyId: property.id, status: 200, path: "/c", apiKeyId: otherKey.id, createdAt: NOW },
      ],
    });
    const { rows } = await listRequestLogs(property.id, requestLogFilters.parse({}), NOW);
    expect(Object.fromEntries(rows.map((r) => [r.path, r.key]))).toEqual({
      "/a": { name: apiKey.name, mode: apiKey.mode, last4: apiKey.last4 },
      "/b": null,
      "/c": null,
    });
  });
});

describe("CSV export and retention", () => {
  it("streams exactly the filtered rows as CSV, across pages", async () => {
    const { exportRequestLogsCsv } = await import("./export-request-logs");
    const propertyId = await seed();
    const csv = await new Response(exportRequestLogsCsv(propertyId, requestLogFilters.parse({ status: "4xx" }), NOW)).text();
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("id,createdAt,method,path,status,durationMs,errorCode,keyPreview,mode,partnerName,ip,userAgent");
    expect(lines.slice(1).map((l) => JSON.parse(l.split(",")[0]!).slice(prefix.length))).toEqual(["req_6", "req_2", "req_3", "req_4"]);
    expect(lines[1]).toContain('"429"');
  });

  it("deletes entries past each property's retention, in batches", async () => {
    const { purgeExpiredRequestLogs } = await import("./purge-request-logs");
    const propertyId = await seed();
    await db.property.update({ where: { id: propertyId }, data: { logRetentionDays: 7 } });
    const before = await db.requestLog.count({ where: { propertyId } });
    const deleted = await purgeExpiredRequestLogs({ now: NOW, batch: 1 });
    expect(deleted).toBeGreaterThanOrEqual(2); // 10 and 40 days old; the other property keeps 30 days
    const left = (await db.requestLog.findMany({ where: { propertyId }, select: { id: true } }))
      .map((r) => r.id.slice(prefix.length))
      .sort();
    expect(left).toEqual(["req_0", "req_1", "req_2", "req_3", "req_6"]);
    expect(before - left.length).toBe(2);
  });
});

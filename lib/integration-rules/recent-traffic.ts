import "server-only";
// The one reader of integrations' recent traffic, from the rollups, for the alert rules and the health
// states alike: each key's and partner's requests over the last hour and the last 15 minutes, the errors
// they got over a window, and each endpoint's deliveries. A reader is made per evaluation (all properties
// for the alerts, one property or one key for a health list) and reads each thing once.
import { db } from "../db/client";
import { Prisma } from "../db/generated/prisma/client";
import { addHistogram, emptyHistogram, sumHistogramsSql } from "../rollups/latency-histogram";
import { deliveryStats, hourFloor, minuteFloor, type DeliveryStats } from "../rollups/usage-reports";
import { DAY_MS, FAILING_WINDOW_MS, HOUR_MS } from "./thresholds";

/** Requests, and those that failed (4xx other than 429, and 5xx). */
export interface RequestCounts {
  requests: number;
  failed: number;
  serverErrors: number;
}
export interface HourTraffic extends RequestCounts {
  rateLimited: number;
  lastOkAt: Date | null;
  latency: number[];
}
/** A key's or partner's requests over the last hour and over FAILING_WINDOW_MS (which lies within it). */
export interface Traffic {
  hour: HourTraffic;
  recent: RequestCounts;
}
export interface TrafficKey {
  id: string;
  propertyId: string;
  name: string;
  mode: "LIVE" | "TEST";
  last4: string;
  createdAt: Date;
  timezone: string;
}
export interface KeyTraffic extends Traffic {
  key: TrafficKey;
}

/** Errors of a window grouped by key, partner and what they were (as describeErrorGroup words them). */
export interface ErrorGroupCount {
  apiKeyId: string;
  /** "" when the request came without a partner key. */
  partnerId: string;
  errorCode: string;
  status: number;
  method: string;
  route: string;
  n: number;
}

/** An endpoint's current run of failures: the attempts since it began, and how many failed. */
export interface FailingRun {
  attempts: number;
  failed: number;
}

export interface EndpointDeliveries {
  lastHour: Map<string, DeliveryStats>;
  lastDay: Map<string, DeliveryStats>;
  /** Only for the endpoints failing now. */
  runs: Map<string, FailingRun>;
  /** The last successful delivery of each endpoint over the last 7 days. */
  lastSucceededAt: Map<string, Date | null>;
}

export interface ExhaustedDeliveries {
  /** The endpoint. */
  id: string;
  propertyId: string;
  url: string;
  description: string;
  timezone: string;
  /** The hour the deliveries gave up in. */
  bucket: Date;
  exhausted: number;
}

export interface TrafficScope {
  now: Date;
  /** One property's traffic; every property's without. */
  propertyId?: string;
  /** One key's traffic only. */
  keyId?: string;
}

export type RecentTraffic = ReturnType<typeof recentTraffic>;

export function recentTraffic(scope: TrafficScope) {
  let requests: Promise<{ byKey: Map<string, KeyTraffic>; byPartner: Map<string, Traffic> }> | undefined;
  return {
    /** Every key and partner that called in the last hour (memoized: the rules that need it share one read). */
    requests: () => (requests ??= readRequests(scope)),
    /** The errors (status 400 and above but 429) of the hour rows covering the last `windowMs`, optionally of some keys. */
    errorGroups: (windowMs: number, apiKeyIds?: string[]) => readErrorGroups(scope, windowMs, apiKeyIds),
    /** Each endpoint's deliveries over the last hour and day, its current failing run and its last success. */
    endpointDeliveries: (endpoints: { id: string; failingSince: Date | null }[]) => readEndpointDeliveries(scope, endpoints),
    /** The hours (since the one before the last) in which deliveries gave up, per endpoint. */
    exhaustedDeliveries: (endpointIds?: string[]) => readExhaustedDeliveries(scope, endpointIds),
  };
}

const scopeFilter = (scope: TrafficScope) =>
  Prisma.sql`${scope.propertyId ? Prisma.sql`AND "propertyId" = ${scope.propertyId}` : Prisma.empty} ${
    scope.keyId ? Prisma.sql`AND "apiKeyId" = ${scope.keyId}` : Prisma.empty
  }`;

type RequestRow = TrafficKey & { partnerId: string } & HourTraffic & {
    recentRequests: number;
    recentFailed: number;
    recentServerErrors: number;
  };

async function readRequests(scope: TrafficScope) {
  const { now } = scope;
  const recent = minuteFloor(new Date(now.getTime() - FAILING_WINDOW_MS));
  const rows = await db.$queryRaw<RequestRow[]>`
    SELECT k.id, k."propertyId", k.name, k.mode::text AS mode, k.last4, k."createdAt", p.timezone, t."partnerId",
      t.requests, t.failed, t."serverErrors", t."rateLimited", t."lastOkAt", t.latency,
      t."recentRequests", t."recentFailed", t."recentServerErrors"
    FROM (
      SELECT "apiKeyId", "partnerId", sum(requests)::int AS requests, sum("clientErrors" + "serverErrors")::int AS failed,
        sum("serverErrors")::int AS "serverErrors", sum("rateLimited")::int AS "rateLimited", max("lastOkAt") AS "lastOkAt",
        ${Prisma.raw(sumHistogramsSql("latency"))} AS latency,
        coalesce(sum(requests) FILTER (WHERE bucket >= ${recent}::timestamptz), 0)::int AS "recentRequests",
        coalesce(sum("clientErrors" + "serverErrors") FILTER (WHERE bucket >= ${recent}::timestamptz), 0)::int AS "recentFailed",
        coalesce(sum("serverErrors") FILTER (WHERE bucket >= ${recent}::timestamptz), 0)::int AS "recentServerErrors"
      FROM "ApiUsageRollup"
      WHERE width = 60 AND bucket >= ${minuteFloor(new Date(now.getTime() - HOUR_MS))}::timestamptz AND bucket <= ${now}::timestamptz ${scopeFilter(scope)}
      GROUP BY 1, 2
    ) t JOIN "ApiKey" k ON k.id = t."apiKeyId" JOIN "Property" p ON p.id = k."propertyId"`;
  const empty = (): Traffic => ({
    hour: { requests: 0, failed: 0, serverErrors: 0, rateLimited: 0, lastOkAt: null, latency: emptyHistogram() },
    recent: { requests: 0, failed: 0, serverErrors: 0 },
  });
  const add = (traffic: Traffic, row: RequestRow) => {
    const { hour, recent } = traffic;
    hour.requests += row.requests;
    hour.failed += row.failed;
    hour.serverErrors += row.serverErrors;
    hour.rateLimited += row.rateLimited;
    if (row.lastOkAt && (!hour.lastOkAt || row.lastOkAt > hour.lastOkAt)) hour.lastOkAt = row.lastOkAt;
    addHistogram(hour.latency, row.latency);
    recent.requests += row.recentRequests;
    recent.failed += row.recentFailed;
    recent.serverErrors += row.recentServerErrors;
  };
  const byKey = new Map<string, KeyTraffic>();
  const byPartner = new Map<string, Traffic>();
  for (const row of rows) {
    const { id, propertyId, name, mode, last4, createdAt, timezone } = row;
    const key = byKey.get(id) ?? { key: { id, propertyId, name, mode, last4, createdAt, timezone }, ...empty() };
    add(key, row);
    byKey.set(id, key);
    if (row.partnerId) {
      const partner = byPartner.get(row.partnerId) ?? empty();
      add(partner, row);
      byPartner.set(row.partnerId, partner);
    }
  }
  return { byKey, byPartner };
}

function readErrorGroups(scope: TrafficScope, windowMs: number, apiKeyIds?: string[]): Promise<ErrorGroupCount[]> {
  const { now } = scope;
  const keys = apiKeyIds ? Prisma.sql`AND "apiKeyId" IN (${Prisma.join(apiKeyIds.length ? apiKeyIds : [""])})` : Prisma.empty;
  return db.$queryRaw<ErrorGroupCount[]>`
    SELECT "apiKeyId", "partnerId", "errorCode", status, method, route, sum(requests)::int AS n
    FROM "ApiRouteRollup"
    WHERE width = 3600 AND bucket >= ${hourFloor(new Date(now.getTime() - windowMs))}::timestamptz AND bucket <= ${now}::timestamptz
      AND status >= 400 AND status <> 429 ${scopeFilter(scope)} ${keys}
    GROUP BY 1, 2, 3, 4, 5, 6`;
}

async function readEndpointDeliveries(
  scope: TrafficScope,
  endpoints: { id: string; failingSince: Date | null }[],
): Promise<EndpointDeliveries> {
  const { now, propertyId } = scope;
  if (!propertyId) throw new Error("endpoint deliveries are read for one property");
  const lastDay = await deliveryStats(propertyId, new Date(now.getTime() - DAY_MS), now);
  const lastHour = await deliveryStats(propertyId, new Date(now.getTime() - HOUR_MS), now);
  const failing = endpoints.filter((e): e is { id: string; failingSince: Date } => e.failingSince !== null);
  // Attempts since each failing run began.
  const runs = new Map<string, FailingRun>();
  if (failing.length > 0) {
    const earliest = new Date(Math.min(...failing.map((e) => e.failingSince.getTime())));
    const rows = await db.$queryRaw<{ endpointId: string; bucket: Date; attempts: number; failed: number }[]>`
      SELECT "endpointId", bucket, attempts, failed FROM "WebhookDeliveryRollup"
      WHERE "propertyId" = ${propertyId} AND width = 60 AND bucket >= ${minuteFloor(earliest)}::timestamptz
        AND "endpointId" IN (${Prisma.join(failing.map((e) => e.id))})`;
    for (const endpoint of failing) {
      const from = minuteFloor(endpoint.failingSince);
      const mine = rows.filter((r) => r.endpointId === endpoint.id && r.bucket >= from);
      runs.set(endpoint.id, { attempts: mine.reduce((s, r) => s + r.attempts, 0), failed: mine.reduce((s, r) => s + r.failed, 0) });
    }
  }
  const lastSucceededAt = new Map(
    (
      await db.webhookDeliveryRollup.groupBy({
        by: ["endpointId"],
        where: { propertyId, width: 3600, bucket: { gte: new Date(now.getTime() - 7 * DAY_MS) } },
        _max: { lastSucceededAt: true },
      })
    ).map((row) => [row.endpointId, row._max.lastSucceededAt]),
  );
  return { lastHour, lastDay, runs, lastSucceededAt };
}

function readExhaustedDeliveries(scope: TrafficScope, endpointIds?: string[]): Promise<ExhaustedDeliveries[]> {
  const { now } = scope;
  const property = scope.propertyId ? Prisma.sql`AND e."propertyId" = ${scope.propertyId}` : Prisma.empty;
  const endpoints = endpointIds ? Prisma.sql`AND e.id IN (${Prisma.join(endpointIds.length ? endpointIds : [""])})` : Prisma.empty;
  return db.$queryRaw<ExhaustedDeliveries[]>`
    SELECT e.id, e."propertyId", e.url, e.description, p.timezone, r.bucket, r.exhausted
    FROM "WebhookEndpoint" e JOIN "Property" p ON p.id = e."propertyId"
    JOIN "WebhookDeliveryRollup" r ON r."endpointId" = e.id AND r.width = 3600
      AND r.bucket >= ${hourFloor(new Date(now.getTime() - HOUR_MS))} AND r.bucket <= ${now}
    WHERE r.exhausted > 0 ${property} ${endpoints}`;
}

import "server-only";
// What the Overview and a key's page draw, read from the rollups only (never the request log): requests
// over time by outcome with their p95, errors grouped by code and operation, a key's top operations and
// client addresses, each endpoint's deliveries, and every key's last 24 hours for the sparklines.
import { db } from "../db/client";
import { Prisma } from "../db/generated/prisma/client";
import { addHistogram, emptyHistogram, histogramPercentile, sumHistogramsSql } from "./latency-histogram";

export const OVERVIEW_RANGES = {
  "24h": { label: "24 hours", ms: 24 * 3_600_000, width: 60, stepSeconds: 15 * 60 },
  "7d": { label: "7 days", ms: 7 * 24 * 3_600_000, width: 3600, stepSeconds: 3600 },
  "30d": { label: "30 days", ms: 30 * 24 * 3_600_000, width: 3600, stepSeconds: 6 * 3600 },
} as const;
export type OverviewRange = keyof typeof OVERVIEW_RANGES;
export const isOverviewRange = (value: unknown): value is OverviewRange =>
  typeof value === "string" && Object.hasOwn(OVERVIEW_RANGES, value);

const ORIGIN = new Date("2000-01-01T00:00:00Z");

/** The window of a range ending with the step that holds `now`: [start, end), and its points' starts. */
export function rangeWindow(range: OverviewRange, now: Date): { start: Date; end: Date; points: Date[] } {
  const { ms, stepSeconds } = OVERVIEW_RANGES[range];
  const step = stepSeconds * 1000;
  const end = new Date(Math.floor((now.getTime() - ORIGIN.getTime()) / step) * step + ORIGIN.getTime() + step);
  const start = new Date(end.getTime() - ms);
  const points: Date[] = [];
  for (let t = start.getTime(); t < end.getTime(); t += step) points.push(new Date(t));
  return { start, end, points };
}

export interface OutcomeCounts {
  requests: number;
  ok: number;
  clientErrors: number;
  rateLimited: number;
  serverErrors: number;
}
export interface UsagePoint extends OutcomeCounts {
  at: string;
  p95Ms: number | null;
}
export interface UsageSeries {
  range: OverviewRange;
  start: string;
  end: string;
  points: UsagePoint[];
  totals: OutcomeCounts & { p95Ms: number | null };
}

const zeroCounts = (): OutcomeCounts => ({ requests: 0, ok: 0, clientErrors: 0, rateLimited: 0, serverErrors: 0 });

/** Requests over a range, stacked by outcome, with each point's p95 (from the summed histograms). */
export async function requestSeries(
  propertyId: string,
  range: OverviewRange,
  options: { apiKeyId?: string; now?: Date } = {},
): Promise<UsageSeries> {
  const { width, stepSeconds } = OVERVIEW_RANGES[range];
  const { start, end, points } = rangeWindow(range, options.now ?? new Date());
  const byKey = options.apiKeyId ? Prisma.sql`AND "apiKeyId" = ${options.apiKeyId}` : Prisma.empty;
  const rows = await db.$queryRaw<
    { point: Date; requests: number; ok: number; clientErrors: number; rateLimited: number; serverErrors: number; latency: number[] }[]
  >`
    SELECT date_bin(make_interval(secs => ${stepSeconds}::int), bucket, ${ORIGIN}::timestamptz) AS point, sum(requests)::int AS requests,
      sum(ok)::int AS ok, sum("clientErrors")::int AS "clientErrors", sum("rateLimited")::int AS "rateLimited",
      sum("serverErrors")::int AS "serverErrors", ${Prisma.raw(sumHistogramsSql("latency"))} AS latency
    FROM "ApiUsageRollup"
    WHERE "propertyId" = ${propertyId} AND width = ${width}::int AND bucket >= ${start}::timestamptz AND bucket < ${end}::timestamptz ${byKey}
    GROUP BY 1`;
  const found = new Map(rows.map((row) => [row.point.getTime(), row]));
  const totals = zeroCounts();
  const allLatency = emptyHistogram();
  const series = points.map((at): UsagePoint => {
    const row = found.get(at.getTime());
    if (!row) return { at: at.toISOString(), ...zeroCounts(), p95Ms: null };
    for (const k of ["requests", "ok", "clientErrors", "rateLimited", "serverErrors"] as const) totals[k] += row[k];
    addHistogram(allLatency, row.latency);
    const { requests, ok, clientErrors, rateLimited, serverErrors } = row;
    return { at: at.toISOString(), requests, ok, clientErrors, rateLimited, serverErrors, p95Ms: histogramPercentile(row.latency, 0.95) };
  });
  return {
    range,
    start: start.toISOString(),
    end: end.toISOString(),
    points: series,
    totals: { ...totals, p95Ms: histogramPercentile(allLatency, 0.95) },
  };
}

export interface ErrorGroup {
  errorCode: string;
  status: number;
  method: string;
  /** The operation's path template; "" when the path matched no operation. */
  route: string;
  count: number;
  lastSeenAt: string;
}

/** Errors (answers of 400 and above) over a range, grouped by code, status and operation, most frequent first. */
export async function errorGroups(
  propertyId: string,
  range: OverviewRange,
  options: { apiKeyId?: string; now?: Date; limit?: number } = {},
): Promise<ErrorGroup[]> {
  const { start, end } = rangeWindow(range, options.now ?? new Date());
  const byKey = options.apiKeyId ? Prisma.sql`AND "apiKeyId" = ${options.apiKeyId}` : Prisma.empty;
  const rows = await db.$queryRaw<{ errorCode: string; status: number; method: string; route: string; count: number; lastSeenAt: Date }[]>`
    SELECT "errorCode", status, method, route, sum(requests)::int AS count, max("lastSeenAt") AS "lastSeenAt"
    FROM "ApiRouteRollup"
    WHERE "propertyId" = ${propertyId} AND ${routeCells(start, end)} AND status >= 400 ${byKey}
    GROUP BY 1, 2, 3, 4 ORDER BY count DESC, "lastSeenAt" DESC LIMIT ${options.limit ?? 20}::int`;
  return rows.map((row) => ({ ...row, lastSeenAt: row.lastSeenAt.toISOString() }));
}

export interface RouteUsage {
  method: string;
  route: string;
  requests: number;
  errors: number;
  averageMs: number;
}

/** A key's operations over a range, busiest first. */
export async function topRoutes(
  propertyId: string,
  apiKeyId: string,
  range: OverviewRange,
  now = new Date(),
  limit = 10,
): Promise<RouteUsage[]> {
  const { start, end } = rangeWindow(range, now);
  const rows = await db.$queryRaw<{ method: string; route: string; requests: number; errors: number; durationSum: number }[]>`
    SELECT method, route, sum(requests)::int AS requests, (sum(requests) FILTER (WHERE status >= 400))::int AS errors,
      sum("durationSum")::float8 AS "durationSum"
    FROM "ApiRouteRollup"
    WHERE "propertyId" = ${propertyId} AND "apiKeyId" = ${apiKeyId} AND ${routeCells(start, end)}
    GROUP BY 1, 2 ORDER BY requests DESC, method, route LIMIT ${limit}::int`;
  return rows.map((row) => ({
    method: row.method,
    route: row.route,
    requests: row.requests,
    errors: row.errors ?? 0,
    averageMs: row.requests ? Math.round(row.durationSum / row.requests) : 0,
  }));
}

export interface ClientAddress {
  ip: string;
  firstSeenAt: string;
  lastSeenAt: string;
  requests: number;
}

/** The addresses a key was used from, most recently seen first. */
export async function keyClientAddresses(apiKeyId: string, limit = 50): Promise<ClientAddress[]> {
  const rows = await db.apiKeyClientIp.findMany({ where: { apiKeyId }, orderBy: [{ lastSeenAt: "desc" }, { ip: "asc" }], take: limit });
  return rows.map((row) => ({
    ip: row.ip,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    requests: row.requests,
  }));
}

export interface DeliveryStats {
  endpointId: string;
  attempts: number;
  succeeded: number;
  failed: number;
  exhausted: number;
  p95Ms: number | null;
  lastSucceededAt: string | null;
  lastFailedAt: string | null;
}

/** Each endpoint's attempts over a window (the minute rows for a day or less, the hour rows beyond). */
export async function deliveryStats(
  propertyId: string,
  since: Date,
  until: Date,
  endpointId?: string,
): Promise<Map<string, DeliveryStats>> {
  const width = until.getTime() - since.getTime() <= 24 * 3_600_000 ? 60 : 3600;
  const from = width === 60 ? minuteFloor(since) : hourFloor(since);
  const byEndpoint = endpointId ? Prisma.sql`AND "endpointId" = ${endpointId}` : Prisma.empty;
  const rows = await db.$queryRaw<
    {
      endpointId: string;
      attempts: number;
      succeeded: number;
      failed: number;
      exhausted: number;
      lastSucceededAt: Date | null;
      lastFailedAt: Date | null;
      latency: number[];
    }[]
  >`
    SELECT "endpointId", sum(attempts)::int AS attempts, sum(succeeded)::int AS succeeded, sum(failed)::int AS failed,
      sum(exhausted)::int AS exhausted, max("lastSucceededAt") AS "lastSucceededAt", max("lastFailedAt") AS "lastFailedAt",
      ${Prisma.raw(sumHistogramsSql("latency"))} AS latency
    FROM "WebhookDeliveryRollup"
    WHERE "propertyId" = ${propertyId} AND width = ${width}::int AND bucket >= ${from}::timestamptz AND bucket < ${until}::timestamptz ${byEndpoint}
    GROUP BY "endpointId"`;
  return new Map(
    rows.map((row) => [
      row.endpointId,
      {
        endpointId: row.endpointId,
        attempts: row.attempts,
        succeeded: row.succeeded,
        failed: row.failed,
        exhausted: row.exhausted,
        p95Ms: histogramPercentile(row.latency, 0.95),
        lastSucceededAt: row.lastSucceededAt?.toISOString() ?? null,
        lastFailedAt: row.lastFailedAt?.toISOString() ?? null,
      },
    ]),
  );
}

/** Every key's requests per hour over the last 24 hours (24 numbers, oldest first), for the keys table. */
export async function keySparklines(propertyId: string, now = new Date()): Promise<Record<string, number[]>> {
  const end = new Date(hourFloor(now).getTime() + 3_600_000);
  const start = new Date(end.getTime() - 24 * 3_600_000);
  const rows = await db.$queryRaw<{ apiKeyId: string; bucket: Date; requests: number }[]>`
    SELECT "apiKeyId", bucket, sum(requests)::int AS requests FROM "ApiUsageRollup"
    WHERE "propertyId" = ${propertyId} AND width = 3600 AND bucket >= ${start}::timestamptz AND bucket < ${end}::timestamptz
    GROUP BY 1, 2`;
  const lines: Record<string, number[]> = {};
  for (const row of rows) {
    const line = (lines[row.apiKeyId] ??= new Array<number>(24).fill(0));
    line[Math.floor((row.bucket.getTime() - start.getTime()) / 3_600_000)] = row.requests;
  }
  return lines;
}

const DAY_MS = 86_400_000;

/**
 * The operation rows that cover [start, end): whole UTC days from the day rows, and the hours at either
 * end from the hour rows (a range shorter than a day reads hours only). The first hour is whole.
 */
export function routeCells(start: Date, end: Date): Prisma.Sql {
  const from = hourFloor(start);
  const firstDay = new Date(Math.ceil(from.getTime() / DAY_MS) * DAY_MS);
  const lastDay = new Date(Math.floor(end.getTime() / DAY_MS) * DAY_MS);
  if (lastDay <= firstDay) return Prisma.sql`(width = 3600 AND bucket >= ${from}::timestamptz AND bucket < ${end}::timestamptz)`;
  return Prisma.sql`(
    (width = 86400 AND bucket >= ${firstDay}::timestamptz AND bucket < ${lastDay}::timestamptz)
    OR (width = 3600 AND bucket >= ${from}::timestamptz AND bucket < ${firstDay}::timestamptz)
    OR (width = 3600 AND bucket >= ${lastDay}::timestamptz AND bucket < ${end}::timestamptz))`;
}

export function hourFloor(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}
export function minuteFloor(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
}

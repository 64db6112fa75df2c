import "server-only";
// Each integration's health in one word and one plain sentence, from the rollups: the property's API
// keys, the partners calling through them, and its webhook endpoints. The rules, with `now` injected:
// - a key or partner is Failing when over 20 % of at least 10 requests in the last 15 minutes failed,
//   Degraded when over 5 % failed (or any were rate limited) in the last hour, or its key expires
//   within 7 days; Healthy otherwise; Idle without a request in the last hour.
// - an endpoint is Failing when it was disabled automatically, or its current run of failures has
//   three attempts or has lasted 15 minutes; Degraded when an attempt failed in the last hour; Paused
//   when a person disabled it; Idle without an attempt in 24 hours.
import { db } from "../db/client";
import { Prisma } from "../db/generated/prisma/client";
import { keyStatus } from "../api-keys/key-status";
import { maskApiKey } from "../api-keys/key-format";
import { describeErrorGroup } from "./describe-error-group";
import { addHistogram, emptyHistogram, histogramPercentile } from "./latency-histogram";
import { deliveryStats, hourFloor, minuteFloor } from "./usage-reports";
import { formatZonedTime } from "../ui/format";
import { describeAutomaticDisable, isAutomaticallyDisabled } from "../webhooks/disabled-reason";

export type HealthState = "healthy" | "degraded" | "failing" | "paused" | "idle";
export const HEALTH_LABELS: Record<HealthState, string> = {
  healthy: "Healthy",
  degraded: "Degraded",
  failing: "Failing",
  paused: "Paused",
  idle: "Idle",
};

export interface IntegrationHealth {
  kind: "key" | "partner" | "endpoint";
  id: string;
  name: string;
  state: HealthState;
  sentence: string;
  /** Where to look closer, below the property's API Access page ("/keys/key_…", "/webhooks/we_…"). */
  href: string;
}

/** Failing: more than this share of requests failed over FAILING_WINDOW_MS, with at least FAILING_MIN_REQUESTS. */
export const FAILING_ERROR_RATE = 0.2;
export const FAILING_WINDOW_MS = 15 * 60_000;
export const FAILING_MIN_REQUESTS = 10;
export const DEGRADED_ERROR_RATE = 0.05;
/** An endpoint is failing after this many failed attempts in a row, or failing this long. */
export const ENDPOINT_FAILING_ATTEMPTS = 3;
export const ENDPOINT_FAILING_MS = 15 * 60_000;

const SEVERITY: Record<HealthState, number> = { failing: 0, degraded: 1, paused: 2, healthy: 3, idle: 4 };

/** A time in the property's zone: "14:02" today, "22 Nov, 14:02" before. */
export function formatLocalTime(at: Date, timezone: string, now: Date): string {
  const day = (d: Date) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  if (day(at) === day(now)) return time;
  return formatZonedTime(at, timezone);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

interface TrafficCells {
  requests: number;
  failed: number;
  rateLimited: number;
  lastOkAt: Date | null;
  latency: number[];
}
interface Traffic {
  hour: TrafficCells;
  recent: TrafficCells;
  lastSeenAt: Date | null;
}

const emptyCells = (): TrafficCells => ({ requests: 0, failed: 0, rateLimited: 0, lastOkAt: null, latency: emptyHistogram() });

/** The last hour's minute rows of every key and partner that called, summed per key and per partner. */
async function recentTraffic(propertyId: string, now: Date, keyId?: string) {
  const since = minuteFloor(new Date(now.getTime() - 3_600_000));
  const recentSince = minuteFloor(new Date(now.getTime() - FAILING_WINDOW_MS));
  const rows = await db.$queryRaw<
    {
      apiKeyId: string;
      partnerId: string;
      bucket: Date;
      requests: number;
      clientErrors: number;
      serverErrors: number;
      rateLimited: number;
      lastOkAt: Date | null;
      lastSeenAt: Date;
      latency: number[];
    }[]
  >`
    SELECT "apiKeyId", "partnerId", bucket, requests, "clientErrors", "serverErrors", "rateLimited", "lastOkAt", "lastSeenAt", latency
    FROM "ApiUsageRollup" WHERE "propertyId" = ${propertyId} AND width = 60 AND bucket >= ${since}::timestamptz
      ${keyId ? Prisma.sql`AND "apiKeyId" = ${keyId}` : Prisma.empty}`;
  const byKey = new Map<string, Traffic>();
  const byPartner = new Map<string, Traffic>();
  const add = (map: Map<string, Traffic>, id: string, row: (typeof rows)[number]) => {
    const traffic = map.get(id) ?? { hour: emptyCells(), recent: emptyCells(), lastSeenAt: null };
    const windows = row.bucket >= recentSince ? [traffic.hour, traffic.recent] : [traffic.hour];
    for (const cells of windows) {
      cells.requests += row.requests;
      cells.failed += row.clientErrors + row.serverErrors;
      cells.rateLimited += row.rateLimited;
      if (row.lastOkAt && (!cells.lastOkAt || row.lastOkAt > cells.lastOkAt)) cells.lastOkAt = row.lastOkAt;
      addHistogram(cells.latency, row.latency);
    }
    if (!traffic.lastSeenAt || row.lastSeenAt > traffic.lastSeenAt) traffic.lastSeenAt = row.lastSeenAt;
    map.set(id, traffic);
  };
  for (const row of rows) {
    add(byKey, row.apiKeyId, row);
    if (row.partnerId) add(byPartner, row.partnerId, row);
  }
  return { byKey, byPartner };
}

/** Each key's and partner's most frequent error of the last hour: "for records that don't exist (404) on GET /reservations/{id}". */
async function commonErrors(propertyId: string, now: Date, keyId?: string) {
  const rows = await db.$queryRaw<
    { apiKeyId: string; partnerId: string; errorCode: string; status: number; method: string; route: string; n: number }[]
  >`
    SELECT "apiKeyId", "partnerId", "errorCode", status, method, route, sum(requests)::int AS n
    FROM "ApiRouteRollup"
    WHERE "propertyId" = ${propertyId} AND width = 3600 AND bucket >= ${hourFloor(new Date(now.getTime() - 3_600_000))}::timestamptz
      AND status >= 400 AND status <> 429 ${keyId ? Prisma.sql`AND "apiKeyId" = ${keyId}` : Prisma.empty}
    GROUP BY 1, 2, 3, 4, 5, 6`;
  const best = (rowsOf: typeof rows) => {
    const totals = new Map<string, number>();
    for (const row of rowsOf) {
      const what = describeErrorGroup(row);
      totals.set(what, (totals.get(what) ?? 0) + row.n);
    }
    return [...totals].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  };
  const group = (field: "apiKeyId" | "partnerId") => {
    const map = new Map<string, typeof rows>();
    for (const row of rows) if (row[field]) map.set(row[field], [...(map.get(row[field]) ?? []), row]);
    return new Map([...map].map(([id, list]) => [id, best(list)]));
  };
  return { byKey: group("apiKeyId"), byPartner: group("partnerId") };
}

function trafficHealth(
  name: string,
  traffic: Traffic | undefined,
  commonError: string | null | undefined,
  timezone: string,
  now: Date,
): { state: HealthState; sentence: string } {
  const at = (d: Date) => formatLocalTime(d, timezone, now);
  const lastSuccess = (cells: TrafficCells) => (cells.lastOkAt ? `last success ${at(cells.lastOkAt)}` : "no success in the last hour");
  const mostly = commonError ? `, most of them ${commonError}` : "";
  if (!traffic || traffic.hour.requests === 0) return { state: "idle", sentence: `${name}: no requests in the last hour.` };
  const { recent, hour } = traffic;
  if (recent.requests >= FAILING_MIN_REQUESTS && recent.failed / recent.requests > FAILING_ERROR_RATE) {
    return {
      state: "failing",
      sentence: `${name}: ${recent.failed} of ${plural(recent.requests, "request")} failed in the last 15 minutes${mostly}; ${lastSuccess(hour)}.`,
    };
  }
  if (hour.failed / hour.requests > DEGRADED_ERROR_RATE || hour.rateLimited > 0) {
    const limited = hour.rateLimited > 0 ? `${hour.failed > 0 ? "; " : ""}${plural(hour.rateLimited, "request")} rate limited` : "";
    const failed = hour.failed > 0 ? `${hour.failed} of ${plural(hour.requests, "request")} failed${mostly}` : "";
    return { state: "degraded", sentence: `${name}: ${failed}${limited} in the last hour; ${lastSuccess(hour)}.` };
  }
  const p95 = histogramPercentile(hour.latency, 0.95);
  const failedNote = hour.failed > 0 ? `, ${hour.failed} failed` : ", all answered";
  return {
    state: "healthy",
    sentence: `${name}: ${plural(hour.requests, "request")} in the last hour${failedNote}${p95 === null ? "" : `; p95 ${p95} ms`}.`,
  };
}

/** Every integration of the property with its health, the most troubled first. */
export async function integrationHealth(
  property: { id: string; timezone: string },
  now = new Date(),
  /** Only this key's line (the key page): its traffic alone is read, and no partner or endpoint. */
  only?: { keyId: string },
): Promise<IntegrationHealth[]> {
  const keyId = only?.keyId;
  const [keys, traffic, errors, endpoints] = await Promise.all([
    db.apiKey.findMany({ where: { propertyId: property.id, ...(keyId ? { id: keyId } : {}) }, orderBy: { createdAt: "desc" } }),
    recentTraffic(property.id, now, keyId),
    commonErrors(property.id, now, keyId),
    keyId ? [] : db.webhookEndpoint.findMany({ where: { propertyId: property.id }, orderBy: { createdAt: "asc" } }),
  ]);
  const result: IntegrationHealth[] = [];
  const at = (d: Date) => formatLocalTime(d, property.timezone, now);

  for (const key of keys) {
    const status = keyStatus(key, now);
    const seen = traffic.byKey.get(key.id);
    // A revoked or expired key matters only while something still calls with it.
    if ((status.kind === "revoked" || status.kind === "expired") && !seen) continue;
    const name = `${key.name} (${maskApiKey(key.mode, key.last4)})`;
    let health = trafficHealth(name, seen, errors.byKey.get(key.id), property.timezone, now);
    if (status.kind === "expiring" && (health.state === "healthy" || health.state === "idle"))
      health = { state: "degraded", sentence: `${name}: ${status.label.toLowerCase()}; roll it before then.` };
    result.push({ kind: "key", id: key.id, name: key.name, ...health, href: `/keys/${key.id}` });
  }

  if (traffic.byPartner.size > 0 && !keyId) {
    const partners = await db.partner.findMany({ where: { id: { in: [...traffic.byPartner.keys()] } }, select: { id: true, name: true } });
    for (const partner of partners) {
      const health = trafficHealth(
        partner.name,
        traffic.byPartner.get(partner.id),
        errors.byPartner.get(partner.id),
        property.timezone,
        now,
      );
      result.push({ kind: "partner", id: partner.id, name: partner.name, ...health, href: `/logs` });
    }
  }

  if (endpoints.length > 0) {
    const day = await deliveryStats(property.id, new Date(now.getTime() - 24 * 3_600_000), now);
    const hour = await deliveryStats(property.id, new Date(now.getTime() - 3_600_000), now);
    const failingSince = endpoints.map((e) => e.failingSince).filter((d): d is Date => d !== null);
    const earliest = failingSince.length ? new Date(Math.min(...failingSince.map((d) => d.getTime()))) : null;
    // Attempts since each failing run began, and its last success before that (up to 7 days back).
    const runs = new Map<string, { attempts: number; failed: number }>();
    if (earliest) {
      const rows = await db.$queryRaw<{ endpointId: string; bucket: Date; attempts: number; failed: number }[]>`
        SELECT "endpointId", bucket, attempts, failed FROM "WebhookDeliveryRollup"
        WHERE "propertyId" = ${property.id} AND width = 60 AND bucket >= ${minuteFloor(earliest)}::timestamptz
          AND "endpointId" IN (${Prisma.join(endpoints.filter((e) => e.failingSince).map((e) => e.id))})`;
      for (const endpoint of endpoints) {
        if (!endpoint.failingSince) continue;
        const from = minuteFloor(endpoint.failingSince);
        const mine = rows.filter((r) => r.endpointId === endpoint.id && r.bucket >= from);
        runs.set(endpoint.id, { attempts: mine.reduce((s, r) => s + r.attempts, 0), failed: mine.reduce((s, r) => s + r.failed, 0) });
      }
    }
    const lastSuccesses = new Map(
      (
        await db.webhookDeliveryRollup.groupBy({
          by: ["endpointId"],
          where: { propertyId: property.id, width: 3600, bucket: { gte: new Date(now.getTime() - 7 * 24 * 3_600_000) } },
          _max: { lastSucceededAt: true },
        })
      ).map((row) => [row.endpointId, row._max.lastSucceededAt]),
    );
    for (const endpoint of endpoints) {
      const name = endpoint.description || new URL(endpoint.url).host;
      const lastOk = lastSuccesses.get(endpoint.id) ?? null;
      const lastSuccess = lastOk ? `last success ${at(lastOk)}` : "no success in the last 7 days";
      const href = `/webhooks/${endpoint.id}`;
      const base = { kind: "endpoint" as const, id: endpoint.id, name, href };
      if (!endpoint.enabled) {
        const cause = endpoint.disabledCause;
        const since = endpoint.disabledAt ? ` since ${at(endpoint.disabledAt)}` : "";
        result.push({
          ...base,
          state: isAutomaticallyDisabled(cause) ? "failing" : "paused",
          sentence: isAutomaticallyDisabled(cause)
            ? `${name}: disabled${since}: ${describeAutomaticDisable({ cause, at: endpoint.disabledAt, failingSince: endpoint.failingSince })} ${capitalize(lastSuccess)}.`
            : `${name}: disabled by a person${since}; nothing is sent until it is enabled again.`,
        });
        continue;
      }
      const run = runs.get(endpoint.id);
      if (
        endpoint.failingSince &&
        run &&
        (run.failed >= ENDPOINT_FAILING_ATTEMPTS || now.getTime() - endpoint.failingSince.getTime() >= ENDPOINT_FAILING_MS)
      ) {
        result.push({
          ...base,
          state: "failing",
          sentence: `${name}: ${run.failed} of ${plural(run.attempts, "delivery attempt")} failed since ${at(endpoint.failingSince)}; ${lastSuccess}.`,
        });
        continue;
      }
      const lastHour = hour.get(endpoint.id);
      if (lastHour && lastHour.failed > 0) {
        result.push({
          ...base,
          state: "degraded",
          sentence: `${name}: ${lastHour.failed} of ${plural(lastHour.attempts, "delivery attempt")} failed in the last hour; ${lastSuccess}.`,
        });
        continue;
      }
      const lastDay = day.get(endpoint.id);
      if (!lastDay || lastDay.attempts === 0) {
        result.push({ ...base, state: "idle", sentence: `${name}: no deliveries in the last 24 hours.` });
        continue;
      }
      result.push({
        ...base,
        state: "healthy",
        sentence: `${name}: ${lastDay.succeeded} of ${plural(lastDay.attempts, "delivery attempt")} succeeded in the last 24 hours${
          lastDay.p95Ms === null ? "" : `; p95 ${lastDay.p95Ms} ms`
        }.`,
      });
    }
  }
  return result.sort((a, b) => SEVERITY[a.state] - SEVERITY[b.state]);
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

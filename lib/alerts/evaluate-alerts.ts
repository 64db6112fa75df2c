import "server-only";
// The alert rules, evaluated for every property at `now` (injected by tests): each rule finds the
// conditions that hold and names each with a dedupe key (the rule, its subject and the window or episode),
// and one INSERT … ON CONFLICT DO NOTHING raises the new ones. Every instance may run this every minute:
// an alert is still raised once. Lasting conditions (an endpoint failing, an error rate) are resolved when
// they end, so the next episode raises a new alert.
import { maskApiKey } from "../api-keys/key-format";
import { db } from "../db/client";
import { Prisma } from "../db/generated/prisma/client";
import {
  ENDPOINT_FAILING_ATTEMPTS,
  ENDPOINT_FAILING_MS,
  FAILING_ERROR_RATE,
  FAILING_MIN_REQUESTS,
  FAILING_WINDOW_MS,
  formatLocalTime,
} from "../rollups/integration-health";
import { describeErrorGroup } from "../rollups/describe-error-group";
import type { EndpointDisabledCause } from "../db/generated/prisma/enums";
import { describeDisabled } from "../webhooks/disabled-reason";
import { hourFloor, minuteFloor } from "../rollups/usage-reports";
import type { AlertRule } from "./alert-rules";

export interface AlertCandidate {
  propertyId: string;
  rule: AlertRule;
  subjectType: "api_key" | "webhook_endpoint";
  subjectId: string;
  dedupeKey: string;
  title: string;
  body: string;
  actionLabel: string;
  /** Below the property's API Access page. */
  actionHref: string;
}

export interface RaisedAlert {
  id: string;
  propertyId: string;
  rule: AlertRule;
  title: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const KEY_EXPIRY_NOTICE_MS = 7 * DAY;
export const KEY_UNUSED_MS = 90 * DAY;
/** A new client address is looked for over this window (the evaluator runs every minute). */
export const NEW_ADDRESS_LOOKBACK_MS = HOUR;
export const SPIKE_FACTOR = 10;
/** Below this many requests an hour, a key's median is taken as this (a quiet key's first busy hour is no spike). */
export const SPIKE_MIN_BASELINE = 10;
export const ENDPOINT_RULES: AlertRule[] = ["ENDPOINT_FAILING", "ENDPOINT_DISABLED", "DELIVERY_EXHAUSTED"];

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
const endpointName = (e: { description: string; url: string }) => e.description || new URL(e.url).host;
const keyName = (k: { name: string; mode: "LIVE" | "TEST"; last4: string }) => `${k.name} (${maskApiKey(k.mode, k.last4)})`;
const longDate = (at: Date, timezone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: timezone, dateStyle: "medium", timeStyle: "short", hourCycle: "h23" }).format(at);

interface Scope {
  now: Date;
  endpointIds?: string[];
  /** Each key's traffic over the last hour and the last 15 minutes, read once for the rules that need it. */
  keyTraffic?: Promise<KeyTraffic[]>;
}

const endpointFilter = (scope: Scope, column = Prisma.sql`e.id`) =>
  scope.endpointIds ? Prisma.sql`AND ${column} IN (${Prisma.join(scope.endpointIds.length ? scope.endpointIds : [""])})` : Prisma.empty;

type EndpointRow = { id: string; propertyId: string; url: string; description: string; timezone: string };

async function endpointFailing(scope: Scope): Promise<AlertCandidate[]> {
  const rows = await db.$queryRaw<(EndpointRow & { failingSince: Date; consecutiveFailures: number })[]>`
    SELECT e.id, e."propertyId", e.url, e.description, e."failingSince", e."consecutiveFailures", p.timezone
    FROM "WebhookEndpoint" e JOIN "Property" p ON p.id = e."propertyId"
    WHERE e.enabled AND e."failingSince" IS NOT NULL AND e."failingSince" <= ${scope.now}
      AND (e."consecutiveFailures" >= ${ENDPOINT_FAILING_ATTEMPTS} OR e."failingSince" <= ${new Date(scope.now.getTime() - ENDPOINT_FAILING_MS)})
      ${endpointFilter(scope)}`;
  return rows.map((e) => ({
    propertyId: e.propertyId,
    rule: "ENDPOINT_FAILING",
    subjectType: "webhook_endpoint",
    subjectId: e.id,
    dedupeKey: `ENDPOINT_FAILING:${e.id}:${e.failingSince.toISOString()}`,
    title: `Webhook endpoint failing: ${endpointName(e)}`,
    body: `${plural(e.consecutiveFailures, "delivery attempt")} in a row failed since ${formatLocalTime(e.failingSince, e.timezone, scope.now)} (${e.url}). Deliveries are retried on schedule; after 5 days of failures the endpoint is disabled.`,
    actionLabel: "Open deliveries",
    actionHref: `/webhooks/${e.id}`,
  }));
}

async function endpointDisabled(scope: Scope): Promise<AlertCandidate[]> {
  const rows = await db.$queryRaw<
    (EndpointRow & { disabledAt: Date; disabledCause: EndpointDisabledCause; disabledBy: string | null; failingSince: Date | null })[]
  >`
    SELECT e.id, e."propertyId", e.url, e.description, e."disabledAt", e."disabledCause", e."disabledBy", e."failingSince", p.timezone
    FROM "WebhookEndpoint" e JOIN "Property" p ON p.id = e."propertyId"
    WHERE NOT e.enabled AND e."disabledAt" > ${new Date(scope.now.getTime() - DAY)} AND e."disabledAt" <= ${scope.now}
      AND e."disabledCause" IN ('FAILING', 'GONE') ${endpointFilter(scope)}`;
  return rows.map((e) => ({
    propertyId: e.propertyId,
    rule: "ENDPOINT_DISABLED",
    subjectType: "webhook_endpoint",
    subjectId: e.id,
    dedupeKey: `ENDPOINT_DISABLED:${e.id}:${e.disabledAt.toISOString()}`,
    title: `Webhook endpoint disabled: ${endpointName(e)}`,
    body: `${describeDisabled({ cause: e.disabledCause, by: e.disabledBy, at: e.disabledAt, failingSince: e.failingSince })} Nothing is sent to ${e.url} until it is enabled again.`,
    actionLabel: "Re-enable…",
    actionHref: `/webhooks/${e.id}?enable=1`,
  }));
}

async function deliveryExhausted(scope: Scope): Promise<AlertCandidate[]> {
  const rows = await db.$queryRaw<(EndpointRow & { bucket: Date; exhausted: number })[]>`
    SELECT e.id, e."propertyId", e.url, e.description, r.bucket, r.exhausted, p.timezone
    FROM "WebhookEndpoint" e JOIN "Property" p ON p.id = e."propertyId"
    JOIN "WebhookDeliveryRollup" r ON r."endpointId" = e.id AND r.width = 3600
      AND r.bucket >= ${hourFloor(new Date(scope.now.getTime() - HOUR))} AND r.bucket <= ${scope.now}
    WHERE r.exhausted > 0 ${endpointFilter(scope)}`;
  return rows.map((e) => ({
    propertyId: e.propertyId,
    rule: "DELIVERY_EXHAUSTED",
    subjectType: "webhook_endpoint",
    subjectId: e.id,
    dedupeKey: `DELIVERY_EXHAUSTED:${e.id}:${e.bucket.toISOString()}`,
    title: `Webhook deliveries gave up: ${endpointName(e)}`,
    body: `${plural(e.exhausted, "delivery", "deliveries")} to ${e.url} failed their last retry between ${formatLocalTime(e.bucket, e.timezone, scope.now)} and ${formatLocalTime(new Date(e.bucket.getTime() + HOUR), e.timezone, scope.now)}. Resend them once the endpoint works again.`,
    actionLabel: "Open failed deliveries",
    actionHref: `/webhooks/${e.id}?status=failed`,
  }));
}

type KeyRow = { id: string; propertyId: string; name: string; mode: "LIVE" | "TEST"; last4: string; timezone: string };

async function keyExpiring(scope: Scope): Promise<AlertCandidate[]> {
  const rows = await db.$queryRaw<(KeyRow & { expiresAt: Date })[]>`
    SELECT k.id, k."propertyId", k.name, k.mode::text AS mode, k.last4, k."expiresAt", p.timezone
    FROM "ApiKey" k JOIN "Property" p ON p.id = k."propertyId"
    WHERE k."revokedAt" IS NULL AND k."expiresAt" > ${scope.now} AND k."expiresAt" <= ${new Date(scope.now.getTime() + KEY_EXPIRY_NOTICE_MS)}`;
  return rows.map((k) => ({
    propertyId: k.propertyId,
    rule: "KEY_EXPIRING",
    subjectType: "api_key",
    subjectId: k.id,
    dedupeKey: `KEY_EXPIRING:${k.id}:${k.expiresAt.toISOString()}`,
    title: `API key expires soon: ${keyName(k)}`,
    body: `It stops working on ${longDate(k.expiresAt, k.timezone)}. Roll it for a new key with the same permissions, and give the new key to the integration before then.`,
    actionLabel: "Roll the key…",
    actionHref: `/keys?roll=${k.id}`,
  }));
}

async function keyUnused(scope: Scope): Promise<AlertCandidate[]> {
  const before = new Date(scope.now.getTime() - KEY_UNUSED_MS);
  const rows = await db.$queryRaw<(KeyRow & { lastUsedAt: Date | null; createdAt: Date })[]>`
    SELECT k.id, k."propertyId", k.name, k.mode::text AS mode, k.last4, k."lastUsedAt", k."createdAt", p.timezone
    FROM "ApiKey" k JOIN "Property" p ON p.id = k."propertyId"
    WHERE k."revokedAt" IS NULL AND (k."expiresAt" IS NULL OR k."expiresAt" > ${scope.now})
      AND k."createdAt" <= ${before} AND (k."lastUsedAt" IS NULL OR k."lastUsedAt" <= ${before})`;
  return rows.map((k) => ({
    propertyId: k.propertyId,
    rule: "KEY_UNUSED",
    subjectType: "api_key",
    subjectId: k.id,
    dedupeKey: `KEY_UNUSED:${k.id}:${k.lastUsedAt?.toISOString() ?? "never"}`,
    title: `API key unused for 90 days: ${keyName(k)}`,
    body: `${
      k.lastUsedAt
        ? `Last used on ${longDate(k.lastUsedAt, k.timezone)}`
        : `Never used since it was created on ${longDate(k.createdAt, k.timezone)}`
    }. A key nobody uses is a risk to keep: revoke it if no integration needs it.`,
    actionLabel: "Revoke the key…",
    actionHref: `/keys?revoke=${k.id}`,
  }));
}

async function keyNewAddress(scope: Scope): Promise<AlertCandidate[]> {
  const rows = await db.$queryRaw<(KeyRow & { ip: string; firstSeenAt: Date; known: number })[]>`
    SELECT k.id, k."propertyId", k.name, k.mode::text AS mode, k.last4, c.ip, c."firstSeenAt", p.timezone,
      (SELECT count(*) FROM "ApiKeyClientIp" o WHERE o."apiKeyId" = c."apiKeyId" AND o."firstSeenAt" < c."firstSeenAt")::int AS known
    FROM "ApiKeyClientIp" c JOIN "ApiKey" k ON k.id = c."apiKeyId" JOIN "Property" p ON p.id = k."propertyId"
    WHERE c."firstSeenAt" > ${new Date(scope.now.getTime() - NEW_ADDRESS_LOOKBACK_MS)} AND c."firstSeenAt" <= ${scope.now}`;
  // A key's first address is where it was meant to be used; only a later one is news.
  return rows
    .filter((k) => k.known > 0)
    .map((k) => ({
      propertyId: k.propertyId,
      rule: "KEY_NEW_IP",
      subjectType: "api_key",
      subjectId: k.id,
      dedupeKey: `KEY_NEW_IP:${k.id}:${k.ip}`,
      title: `API key used from a new address: ${keyName(k)}`,
      body: `${k.ip} first called with it at ${formatLocalTime(k.firstSeenAt, k.timezone, scope.now)}; before, it had been used from ${plural(k.known, "other address", "other addresses")}. If you do not recognise it, roll the key.`,
      actionLabel: "Roll the key…",
      actionHref: `/keys?roll=${k.id}`,
    }));
}

/** The middle of a list of counts (the mean of the two middles for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Each key that called in the last `windowMs`: its requests and failures (4xx other than 429, and 5xx). */
type Counts = { requests: number; failed: number; serverErrors: number };
type KeyTraffic = KeyRow & { createdAt: Date; hour: Counts; recent: Counts };
type TrafficRow = KeyRow & { createdAt: Date } & Counts & { recentRequests: number; recentFailed: number; recentServerErrors: number };

/** Each key's requests over the last hour and over FAILING_WINDOW_MS, in one read of the minute rollups. */
function recentKeyTraffic(scope: Scope): Promise<KeyTraffic[]> {
  const { now } = scope;
  // FAILING_WINDOW_MS (15 minutes) lies within the hour.
  const recent = minuteFloor(new Date(now.getTime() - FAILING_WINDOW_MS));
  scope.keyTraffic ??= db.$queryRaw<TrafficRow[]>`
    SELECT k.id, k."propertyId", k.name, k.mode::text AS mode, k.last4, k."createdAt", p.timezone,
      t.requests, t.failed, t."serverErrors", t."recentRequests", t."recentFailed", t."recentServerErrors"
    FROM (
      SELECT "apiKeyId", sum(requests)::int AS requests, sum("clientErrors" + "serverErrors")::int AS failed, sum("serverErrors")::int AS "serverErrors",
        coalesce(sum(requests) FILTER (WHERE bucket >= ${recent}), 0)::int AS "recentRequests",
        coalesce(sum("clientErrors" + "serverErrors") FILTER (WHERE bucket >= ${recent}), 0)::int AS "recentFailed",
        coalesce(sum("serverErrors") FILTER (WHERE bucket >= ${recent}), 0)::int AS "recentServerErrors"
      FROM "ApiUsageRollup" WHERE width = 60 AND bucket >= ${minuteFloor(new Date(now.getTime() - HOUR))} AND bucket <= ${now}
      GROUP BY 1
    ) t JOIN "ApiKey" k ON k.id = t."apiKeyId" JOIN "Property" p ON p.id = k."propertyId"`.then((rows) =>
    rows.map(({ requests, failed, serverErrors, recentRequests, recentFailed, recentServerErrors, ...key }) => ({
      ...key,
      hour: { requests, failed, serverErrors },
      recent: { requests: recentRequests, failed: recentFailed, serverErrors: recentServerErrors },
    })),
  );
  return scope.keyTraffic;
}

async function usageSpike(scope: Scope): Promise<AlertCandidate[]> {
  const { now } = scope;
  const busy = (await recentKeyTraffic(scope))
    .map((k) => ({ ...k, ...k.hour }))
    .filter((k) => k.requests >= SPIKE_FACTOR * SPIKE_MIN_BASELINE && k.createdAt.getTime() <= now.getTime() - DAY);
  if (busy.length === 0) return [];
  const end = hourFloor(new Date(now.getTime() - HOUR));
  const start = new Date(end.getTime() - 7 * DAY);
  const hours = await db.$queryRaw<{ apiKeyId: string; bucket: Date; requests: number }[]>`
    SELECT "apiKeyId", bucket, sum(requests)::int AS requests FROM "ApiUsageRollup"
    WHERE "apiKeyId" IN (${Prisma.join(busy.map((k) => k.id))}) AND width = 3600 AND bucket >= ${start} AND bucket < ${end}
    GROUP BY 1, 2`;
  const candidates: AlertCandidate[] = [];
  for (const key of busy) {
    // Every hour of the past week the key existed, the quiet ones as 0.
    const from = Math.max(start.getTime(), hourFloor(key.createdAt).getTime());
    const counts = new Map(hours.filter((h) => h.apiKeyId === key.id).map((h) => [h.bucket.getTime(), h.requests]));
    const series: number[] = [];
    for (let t = from; t < end.getTime(); t += HOUR) series.push(counts.get(t) ?? 0);
    const typical = median(series);
    if (key.requests < SPIKE_FACTOR * Math.max(typical, SPIKE_MIN_BASELINE)) continue;
    const factor =
      typical > 0
        ? `${Math.floor(key.requests / typical)}× its hourly median of ${typical.toLocaleString("en")}`
        : "its hourly median is 0";
    candidates.push({
      propertyId: key.propertyId,
      rule: "USAGE_SPIKE",
      subjectType: "api_key",
      subjectId: key.id,
      dedupeKey: `USAGE_SPIKE:${key.id}:${now.toISOString().slice(0, 10)}`,
      title: `Usage spike: ${keyName(key)}`,
      body: `${plural(key.requests, "request")} in the last hour: ${factor} over the past week. If the integration should not be this busy, look at its requests, or roll the key.`,
      actionLabel: "Open the key",
      actionHref: `/keys/${key.id}`,
    });
  }
  return candidates;
}

async function openAlerts(rule: AlertRule): Promise<Map<string, string[]>> {
  const rows = await db.alert.findMany({ where: { rule, resolvedAt: null }, select: { id: true, subjectId: true } });
  const bySubject = new Map<string, string[]>();
  for (const row of rows) bySubject.set(row.subjectId, [...(bySubject.get(row.subjectId) ?? []), row.id]);
  return bySubject;
}

async function errorRate(scope: Scope, resolve: (ids: string[]) => void): Promise<AlertCandidate[]> {
  const { now } = scope;
  const traffic = (await recentKeyTraffic(scope)).map((k) => ({ ...k, ...k.recent })).filter((k) => k.requests > 0);
  const failing = traffic.filter((k) => k.requests >= FAILING_MIN_REQUESTS && k.failed / k.requests > FAILING_ERROR_RATE);
  const open = await openAlerts("ERROR_RATE");
  const failingIds = new Set(failing.map((k) => k.id));
  for (const [subjectId, ids] of open) if (!failingIds.has(subjectId)) resolve(ids);
  const fresh = failing.filter((k) => !open.has(k.id));
  if (fresh.length === 0) return [];
  const commonest = await db.$queryRaw<{ apiKeyId: string; errorCode: string; status: number; method: string; route: string; n: number }[]>`
    SELECT DISTINCT ON ("apiKeyId") "apiKeyId", "errorCode", status, method, route, n FROM (
      SELECT "apiKeyId", "errorCode", status, method, route, sum(requests)::int AS n FROM "ApiRouteRollup"
      WHERE "apiKeyId" IN (${Prisma.join(fresh.map((k) => k.id))}) AND width = 3600 AND bucket >= ${hourFloor(new Date(now.getTime() - FAILING_WINDOW_MS))}
        AND bucket <= ${now} AND status >= 400 AND status <> 429
      GROUP BY 1, 2, 3, 4, 5
    ) s ORDER BY "apiKeyId", n DESC`;
  const windowStart = new Date(Math.floor(now.getTime() / FAILING_WINDOW_MS) * FAILING_WINDOW_MS);
  return fresh.map((k) => {
    const top = commonest.find((c) => c.apiKeyId === k.id);
    const mostly = top ? `, most of them ${describeErrorGroup(top)}` : "";
    const share = Math.round((k.failed / k.requests) * 100);
    const statusClass = k.serverErrors * 2 > k.failed ? "5xx" : "4xx";
    return {
      propertyId: k.propertyId,
      rule: "ERROR_RATE" as const,
      subjectType: "api_key" as const,
      subjectId: k.id,
      dedupeKey: `ERROR_RATE:${k.id}:${windowStart.toISOString()}`,
      title: `Requests failing: ${keyName(k)}`,
      body: `${k.failed} of ${plural(k.requests, "request")} (${share} %) failed in the last 15 minutes${mostly}.`,
      actionLabel: "Open the logs",
      actionHref: `/logs?key=${k.id}&status=${statusClass}&range=1h`,
    };
  });
}

/**
 * Evaluates the rules (all, or `rules`; for endpoint rules, only `endpointIds` when given) at `now`, raises
 * the alerts not raised yet (only for properties whose plan includes the API) and resolves those whose
 * condition ended. Returns the alerts raised.
 */
export async function evaluateAlerts(
  options: { now?: Date; rules?: AlertRule[]; endpointIds?: string[] } = {},
): Promise<{ raised: RaisedAlert[]; resolved: number }> {
  const now = options.now ?? new Date();
  const scope: Scope = { now, endpointIds: options.endpointIds };
  const wanted = (rule: AlertRule) => !options.rules || options.rules.includes(rule);
  const toResolve: string[] = [];
  const candidates: AlertCandidate[] = [];
  const rules: [AlertRule, () => Promise<AlertCandidate[]>][] = [
    ["ENDPOINT_FAILING", () => endpointFailing(scope)],
    ["ENDPOINT_DISABLED", () => endpointDisabled(scope)],
    ["DELIVERY_EXHAUSTED", () => deliveryExhausted(scope)],
    ["KEY_EXPIRING", () => keyExpiring(scope)],
    ["KEY_UNUSED", () => keyUnused(scope)],
    ["KEY_NEW_IP", () => keyNewAddress(scope)],
    ["USAGE_SPIKE", () => usageSpike(scope)],
    ["ERROR_RATE", () => errorRate(scope, (ids) => toResolve.push(...ids))],
  ];
  for (const [rule, find] of rules) if (wanted(rule)) candidates.push(...(await find()));

  let resolved = 0;
  if (wanted("ENDPOINT_FAILING") || wanted("ENDPOINT_DISABLED")) {
    // A failing run ended with a success (or the endpoint is gone); a disabled endpoint was enabled again.
    resolved += await db.$executeRaw`
      UPDATE "Alert" a SET "resolvedAt" = ${now}
      WHERE a."resolvedAt" IS NULL AND a.rule IN ('ENDPOINT_FAILING', 'ENDPOINT_DISABLED') AND a."createdAt" <= ${now}
        AND NOT EXISTS (
          SELECT 1 FROM "WebhookEndpoint" e WHERE e.id = a."subjectId"
            AND CASE WHEN a.rule = 'ENDPOINT_FAILING' THEN e.enabled AND e."failingSince" IS NOT NULL ELSE NOT e.enabled END
        ) ${endpointFilter(scope, Prisma.sql`a."subjectId"`)}`;
  }
  if (toResolve.length > 0)
    resolved += await db.alert.updateMany({ where: { id: { in: toResolve } }, data: { resolvedAt: now } }).then((r) => r.count);
  if (candidates.length === 0) return { raised: [], resolved };

  const rows = candidates.map((c) => ({ ...c, id: `alr_${crypto.randomUUID().replaceAll("-", "")}` }));
  const raised = await db.$queryRaw<RaisedAlert[]>`
    INSERT INTO "Alert" (id, "propertyId", rule, "subjectType", "subjectId", "dedupeKey", title, body, "actionLabel", "actionHref", "createdAt")
    SELECT x.id, x."propertyId", x.rule, x."subjectType", x."subjectId", x."dedupeKey", x.title, x.body, x."actionLabel", x."actionHref", ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id text, "propertyId" text, rule text, "subjectType" text, "subjectId" text,
      "dedupeKey" text, title text, body text, "actionLabel" text, "actionHref" text)
    -- Only where the API is part of the plan: a FREE property's keys and endpoints do nothing to warn about.
    JOIN "Property" p ON p.id = x."propertyId" AND p.plan = 'PRO'
    ORDER BY x."propertyId", x."dedupeKey"
    ON CONFLICT ("propertyId", "dedupeKey") DO NOTHING
    RETURNING id, "propertyId", rule, title`;
  return { raised, resolved };
}

// The delivery engine's database steps, each one statement (so each is atomic on its own):
// 1. fan out: outbox events not yet dispatched become one delivery per subscribed, enabled endpoint
//    of a property on the PRO plan (the plan that includes API access);
// 2. claim: due deliveries are leased to this worker (FOR UPDATE SKIP LOCKED, so workers never wait on
//    each other and never take the same rows); a crashed worker's lease simply runs out;
// 3. record: the attempts of a batch, the deliveries' next state and the endpoints' health, together.
// Times come from the caller's clock, so tests move time instead of sleeping.
import type pg from "pg";
import { storableJson } from "../../db/storable-text";
import { eventBodySql } from "../../events/event-body";
import { OPERATIONAL_EVENT_TYPES } from "../../events/event-catalog";
import { newEventId } from "../../events/record-domain-event";
import { deliveryRollupCte } from "../../rollups/rollup-sql";
import { describeDisabled } from "../disabled-reason";
import type { EndpointDisabledCause } from "../../db/generated/prisma/enums";
import { scopesReadingEachType } from "../event-types";
import { OUTBOX_CHANNEL } from "./outbox-notifications";
import { parseRetryAfter, retryDelayMs } from "./retry-schedule";
import type { AttemptResult } from "./send-attempt";

const READING_SCOPES = JSON.stringify(scopesReadingEachType());

export const FAILING_DISABLE_AFTER_MS = 5 * 24 * 3_600_000;

/** Turns up to `limit` undispatched outbox events into deliveries. Returns events and deliveries made. */
export async function fanOutEvents(pool: pg.Pool, now: Date, limit = 500): Promise<{ events: number; deliveries: number }> {
  const { rows } = await pool.query<{ events: string; deliveries: string }>(
    `WITH ev AS (
       SELECT id, "propertyId", type, payload, "createdAt", "apiKeyId", traceparent FROM "OutboxEvent"
       WHERE "dispatchedAt" IS NULL ORDER BY "createdAt", id LIMIT $2::int FOR UPDATE SKIP LOCKED
     ), made AS (
       INSERT INTO "WebhookDelivery" (id, "propertyId", "endpointId", "eventId", "eventType", payload, traceparent, status, "nextAttemptAt", "createdAt", "updatedAt")
       SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), ev."propertyId", e.id, ev.id, ev.type,
              ${eventBodySql("ev")}, ev.traceparent,
              'PENDING', $1::timestamptz, $1::timestamptz, $1::timestamptz
       FROM ev JOIN "WebhookEndpoint" e
         ON e."propertyId" = ev."propertyId" AND e.enabled
        AND (ev.type = ANY(e."eventTypes") OR ('*' = ANY(e."eventTypes") AND ev.type <> ALL($3::text[])))
        -- An operational event never goes to the endpoint it is about (which is failing or disabled).
        AND coalesce(ev.payload #>> '{endpoint,id}', ev.payload #>> '{delivery,endpointId}', '') <> e.id
        -- Echo suppression: an endpoint that asks not to hear its own integration's writes.
        AND NOT (e."skipOwnEvents" AND ev."apiKeyId" IS NOT NULL AND ev."apiKeyId" = e."ownerKeyId")
        -- Only what the credential that subscribed the endpoint may read ($4: each type's reading scopes).
        AND e."readScopes" && ARRAY(SELECT jsonb_array_elements_text($4::jsonb -> ev.type))
        AND e."createdAt" <= ev."createdAt" AT TIME ZONE 'UTC'
       -- A property whose plan does not include API access has its endpoints paused: its events go nowhere.
       JOIN "Property" p ON p.id = ev."propertyId" AND p.plan = 'PRO'
       ON CONFLICT ("endpointId", "eventId") DO NOTHING
       RETURNING 1
     ), marked AS (
       UPDATE "OutboxEvent" o SET "dispatchedAt" = $1::timestamptz AT TIME ZONE 'UTC' FROM ev WHERE o.id = ev.id RETURNING 1
     )
     SELECT (SELECT count(*) FROM marked) AS events, (SELECT count(*) FROM made) AS deliveries`,
    [now, limit, OPERATIONAL_EVENT_TYPES, READING_SCOPES],
  );
  return { events: Number(rows[0]?.events ?? 0), deliveries: Number(rows[0]?.deliveries ?? 0) };
}

export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  propertyId: string;
  /** Null for a test ping. */
  eventId: string | null;
  /** The trace of the API request that caused the event, if it sent one. */
  traceparent: string | null;
  /** The endpoint's retry schedule: "standard" or "extended". */
  retrySchedule: string;
  eventType: string;
  payload: string;
  attemptCount: number;
  url: string;
  /** Sealed as stored (see lib/crypto/seal.ts); activeSecrets decrypts it. */
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  leaseToken: string;
  nextAttemptAt: Date;
}

/**
 * Leases up to `limit` due deliveries of enabled endpoints of PRO properties until `leaseUntil`: for each endpoint its
 * earliest due ones, at most `perEndpoint` less those `inFlight` already holds (so one slow or
 * failing endpoint cannot take every slot from the others), then the earliest of those overall.
 */
export async function claimDueDeliveries(
  pool: pg.Pool,
  now: Date,
  leaseUntil: Date,
  limit: number,
  options: { perEndpoint?: number; inFlight?: ReadonlyMap<string, number> } = {},
): Promise<ClaimedDelivery[]> {
  const perEndpoint = options.perEndpoint ?? limit;
  // A negative count raises that endpoint's cap (the worker's queue for an endpoint that answers fast).
  const busy = [...(options.inFlight ?? new Map<string, number>())].filter(([, n]) => n !== 0);
  const { rows } = await pool.query<ClaimedDelivery>(
    `WITH due AS (
       SELECT d.id FROM "WebhookEndpoint" e
       -- Paused while the property's plan does not include API access; sent once it does again.
       JOIN "Property" p ON p.id = e."propertyId" AND p.plan = 'PRO'
       LEFT JOIN unnest($5::text[], $6::int[]) AS busy(id, n) ON busy.id = e.id
       CROSS JOIN LATERAL (
         SELECT x.id, x."nextAttemptAt" FROM "WebhookDelivery" x
         WHERE x."endpointId" = e.id AND x.status = 'PENDING' AND x."nextAttemptAt" <= $1
           AND (x."lockedUntil" IS NULL OR x."lockedUntil" <= $1)
           -- Sent only while the endpoint's subscriber may read its type (a replay, a resend or a retry queued
           -- before a key narrowed the endpoint waits here, and is failed by that change).
           AND (x."eventType" = 'ping' OR e."readScopes" && ARRAY(SELECT jsonb_array_elements_text($8::jsonb -> x."eventType")))
         ORDER BY x."nextAttemptAt"
         LIMIT greatest($4::int - coalesce(busy.n, 0), 0)
       ) first
       JOIN "WebhookDelivery" d ON d.id = first.id
       -- The lease conditions again, on the locked row itself: PostgreSQL re-checks them against the
       -- newest version when another worker has just claimed and committed the same row.
       WHERE e.enabled AND d.status = 'PENDING' AND d."nextAttemptAt" <= $1 AND (d."lockedUntil" IS NULL OR d."lockedUntil" <= $1)
       ORDER BY first."nextAttemptAt"
       LIMIT $3
       FOR UPDATE OF d SKIP LOCKED
     )
     UPDATE "WebhookDelivery" d SET "lockedUntil" = $2, "leaseToken" = $7
     FROM due, "WebhookEndpoint" e
     WHERE d.id = due.id AND e.id = d."endpointId"
     RETURNING d.id, d."endpointId", d."propertyId", d."eventId", d."eventType", d.payload, d.traceparent, d."attemptCount", e."retrySchedule",
               e.url, e.secret, e."previousSecret", e."previousSecretExpiresAt", d."leaseToken", d."nextAttemptAt"`,
    [now, leaseUntil, limit, perEndpoint, busy.map(([id]) => id), busy.map(([, n]) => n), crypto.randomUUID(), READING_SCOPES],
  );
  return rows;
}

export interface CompletedAttempt {
  delivery: ClaimedDelivery;
  request: { url: string; headers: Record<string, string>; body: string };
  result: AttemptResult;
  /** The clock's time when the attempt finished; drives the schedule. */
  at: Date;
}

export interface Outcome {
  status: "SUCCEEDED" | "PENDING" | "FAILED";
  nextAttemptAt: Date | null;
  disableEndpoint: boolean;
}

/** What an attempt's answer means for its delivery. */
export function outcomeOf(attempt: CompletedAttempt, random: () => number = Math.random): Outcome {
  const { status, headers } = attempt.result;
  if (status !== null && status >= 200 && status < 300) return { status: "SUCCEEDED", nextAttemptAt: null, disableEndpoint: false };
  if (status === 410) return { status: "FAILED", nextAttemptAt: null, disableEndpoint: true };
  const made = attempt.delivery.attemptCount + 1;
  const delay = retryDelayMs(made, random, attempt.delivery.retrySchedule);
  if (delay === null) return { status: "FAILED", nextAttemptAt: null, disableEndpoint: false };
  const retryAfter = status === 429 || status === 503 ? parseRetryAfter(headers?.["retry-after"], attempt.at) : null;
  return { status: "PENDING", nextAttemptAt: new Date(attempt.at.getTime() + Math.max(delay, retryAfter ?? 0)), disableEndpoint: false };
}

/**
 * A success clears an endpoint's failing streak, but an endpoint disabled for failing keeps the start of the
 * run that disabled it (its disabled sentence names it) until it is enabled again.
 */
const KEEP_FAILING_SINCE_OF_FAILING = `CASE WHEN "disabledCause" = 'FAILING' THEN "failingSince" END`;

/**
 * The attempts of a batch and their deliveries' next state, in one statement. When every attempt
 * succeeded, it also clears their endpoints' failing streak (`allSucceeded`): nothing else can follow
 * from successes, so that common case is one round trip, without a transaction around more statements.
 */
const CLEAR_FAILING_STREAK = `, healthy AS (
         UPDATE "WebhookEndpoint" SET "failingSince" = ${KEEP_FAILING_SINCE_OF_FAILING}, "consecutiveFailures" = 0
         WHERE id IN (SELECT "endpointId" FROM updated) AND "failingSince" IS NOT NULL
       )`;
const recordStatement = (allSucceeded: boolean) =>
  `WITH r AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id text, "leaseToken" text, status text, "nextAttemptAt" timestamptz, "attemptId" text,
           "startedAt" timestamptz, "finishedAt" timestamptz, url text, "requestHeaders" jsonb, "requestBody" text, "responseStatus" int,
           "responseHeaders" jsonb, "responseBody" text, "durationMs" int, error text)
       ), updated AS (
         UPDATE "WebhookDelivery" d SET
           -- A retry for an endpoint disabled meanwhile would never be claimed: it fails now instead.
           status = (CASE WHEN r.status = 'PENDING' AND NOT e.enabled THEN 'FAILED' ELSE r.status END)::"WebhookDeliveryStatus",
           "nextAttemptAt" = CASE WHEN r.status = 'PENDING' AND e.enabled THEN r."nextAttemptAt" END,
           "attemptCount" = d."attemptCount" + 1, "lockedUntil" = NULL, "leaseToken" = NULL, "lastAttemptAt" = r."finishedAt",
           "lastStatusCode" = r."responseStatus", "lastDurationMs" = r."durationMs", "lastError" = r.error, "updatedAt" = $2
         FROM r, "WebhookEndpoint" e
         WHERE d.id = r.id AND d."leaseToken" = r."leaseToken" AND d.status = 'PENDING' AND e.id = d."endpointId"
         RETURNING d.id, d."attemptCount", d."endpointId", d."propertyId", d.payload, d.status
       ), attempted AS (
         SELECT u."endpointId", u."propertyId", u.status::text AS status, r."finishedAt", r."durationMs" FROM r JOIN updated u ON u.id = r.id
       ), ${deliveryRollupCte("attempted")}${allSucceeded ? CLEAR_FAILING_STREAK : ""}
       INSERT INTO "WebhookAttempt" (id, "deliveryId", "attemptNumber", "createdAt", url, "requestHeaders", "requestBody", "responseStatus", "responseHeaders", "responseBody", "durationMs", error)
       SELECT r."attemptId", r.id, u."attemptCount", r."startedAt", r.url, r."requestHeaders", coalesce(r."requestBody", u.payload), r."responseStatus", r."responseHeaders", r."responseBody", r."durationMs", r.error
       FROM r JOIN updated u ON u.id = r.id
       RETURNING "deliveryId" AS id`;

const attemptId = () => `wa_${crypto.randomUUID().replaceAll("-", "")}`;

/**
 * Writes a batch of finished attempts in one transaction: each delivery's next state and its attempt
 * row (only where this claim still holds the lease: a delivery resent or re-leased meanwhile is left to
 * its new holder), then the endpoints' health. An endpoint that answered 410, or whose attempts all
 * failed for 5 days, is disabled and its other pending deliveries fail with it.
 * Returns the ids of the deliveries recorded; `onRetry` hears when each of them that will be retried is due.
 */
export async function recordAttempts(
  pool: pg.Pool,
  attempts: CompletedAttempt[],
  random: () => number = Math.random,
  onRetry?: (at: Date) => void,
): Promise<string[]> {
  if (attempts.length === 0) return [];
  const now = attempts.reduce((latest, a) => (a.at > latest ? a.at : latest), attempts[0]!.at);
  const rows = attempts.map((attempt) => {
    const outcome = outcomeOf(attempt, random);
    return {
      attempt,
      outcome,
      row: {
        id: attempt.delivery.id,
        leaseToken: attempt.delivery.leaseToken,
        status: outcome.status,
        nextAttemptAt: outcome.nextAttemptAt?.toISOString() ?? null,
        attemptId: attemptId(),
        startedAt: attempt.result.startedAt.toISOString(),
        finishedAt: attempt.at.toISOString(),
        url: attempt.request.url,
        requestHeaders: attempt.request.headers,
        // The body sent is almost always the delivery's payload, which the statement reads itself.
        requestBody: attempt.request.body === attempt.delivery.payload ? null : attempt.request.body,
        responseStatus: attempt.result.status,
        responseHeaders: attempt.result.headers,
        responseBody: attempt.result.body,
        durationMs: attempt.result.durationMs,
        error: attempt.result.error,
      },
    };
  });

  // PostgreSQL text cannot hold NUL, which a receiver's answer may contain: stored as U+FFFD.
  const params = [storableJson(rows.map((r) => r.row)), now];
  if (rows.every((r) => r.outcome.status === "SUCCEEDED")) {
    const { rows: recorded } = await pool.query<{ id: string }>(recordStatement(true), params);
    return recorded.map((r) => r.id);
  }
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows: recorded } = await client.query<{ id: string }>(recordStatement(false), params);
    const kept = new Set(recorded.map((r) => r.id));
    const mine = rows.filter((r) => kept.has(r.attempt.delivery.id));
    const endpointsWhere = (ok: boolean) => [
      ...new Set(mine.filter((r) => (r.outcome.status === "SUCCEEDED") === ok).map((r) => r.attempt.delivery.endpointId)),
    ];
    const succeeded = endpointsWhere(true);
    const failed = endpointsWhere(false).filter((id) => !succeeded.includes(id));
    const gone = [...new Set(mine.filter((r) => r.outcome.disableEndpoint).map((r) => r.attempt.delivery.endpointId))];
    const disabled: string[] = [];
    if (succeeded.length > 0) {
      await client.query(
        `UPDATE "WebhookEndpoint" SET "failingSince" = ${KEEP_FAILING_SINCE_OF_FAILING}, "consecutiveFailures" = 0
         WHERE id = ANY($1) AND "failingSince" IS NOT NULL`,
        [succeeded],
      );
    }
    if (failed.length > 0) {
      const failures = failed.map((id) => mine.filter((r) => r.attempt.delivery.endpointId === id).length);
      await client.query(
        `UPDATE "WebhookEndpoint" e SET "failingSince" = coalesce(e."failingSince", $3), "consecutiveFailures" = e."consecutiveFailures" + c.n
         FROM unnest($1::text[], $2::int[]) AS c(id, n) WHERE e.id = c.id`,
        [failed, failures, now],
      );
      const { rows: stale } = await client.query<{ id: string }>(
        `UPDATE "WebhookEndpoint" SET enabled = false, "disabledAt" = $2, "updatedAt" = $2, "disabledCause" = 'FAILING', "disabledBy" = NULL
         WHERE id = ANY($1) AND enabled AND "failingSince" <= $3 RETURNING id`,
        [failed, now, new Date(now.getTime() - FAILING_DISABLE_AFTER_MS)],
      );
      disabled.push(...stale.map((r) => r.id));
    }
    if (gone.length > 0) {
      const { rows: goneRows } = await client.query<{ id: string }>(
        `UPDATE "WebhookEndpoint" SET enabled = false, "disabledAt" = $2, "updatedAt" = $2, "disabledCause" = 'GONE', "disabledBy" = NULL
         WHERE id = ANY($1) AND enabled RETURNING id`,
        [gone, now],
      );
      disabled.push(...goneRows.map((r) => r.id));
    }
    if (disabled.length > 0) await failPendingDeliveries(client, disabled, now);
    await recordOperationalEvents(client, mine, disabled);
    await client.query("COMMIT");
    for (const r of mine)
      if (r.outcome.nextAttemptAt && !disabled.includes(r.attempt.delivery.endpointId)) onRetry?.(r.outcome.nextAttemptAt);
    return [...kept];
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The operational events of a batch, in its transaction: `endpoint.disabled` for each endpoint it
 * disabled, and `delivery.exhausted` for each delivery that failed its last retry (those of a disabled
 * endpoint are told by the first). A delivery of an operational event raises none, so two failing
 * monitoring endpoints cannot keep telling each other.
 */
async function recordOperationalEvents(
  client: pg.PoolClient,
  recorded: { attempt: CompletedAttempt; outcome: Outcome }[],
  disabled: string[],
): Promise<void> {
  const events: { id: string; propertyId: string; type: string; payload: unknown }[] = [];
  if (disabled.length > 0) {
    const { rows } = await client.query<{
      id: string;
      propertyId: string;
      url: string;
      description: string;
      disabledAt: Date;
      disabledCause: EndpointDisabledCause | null;
      disabledBy: string | null;
      failingSince: Date | null;
    }>(
      `SELECT id, "propertyId", url, description, "disabledAt", "disabledCause", "disabledBy", "failingSince"
       FROM "WebhookEndpoint" WHERE id = ANY($1) AND NOT enabled`,
      [disabled],
    );
    for (const e of rows) {
      const reason = describeDisabled({ cause: e.disabledCause, by: e.disabledBy, at: e.disabledAt, failingSince: e.failingSince });
      events.push({
        id: newEventId(),
        propertyId: e.propertyId,
        type: "endpoint.disabled",
        payload: { endpoint: { id: e.id, url: e.url, description: e.description, disabledAt: e.disabledAt.toISOString(), reason } },
      });
    }
  }
  for (const { attempt, outcome } of recorded) {
    const { delivery } = attempt;
    if (outcome.status !== "FAILED" || disabled.includes(delivery.endpointId)) continue;
    if ((OPERATIONAL_EVENT_TYPES as readonly string[]).includes(delivery.eventType)) continue;
    events.push({
      id: newEventId(),
      propertyId: delivery.propertyId,
      type: "delivery.exhausted",
      payload: {
        delivery: {
          id: delivery.id,
          endpointId: delivery.endpointId,
          eventId: delivery.eventId,
          eventType: delivery.eventType,
          attempts: delivery.attemptCount + 1,
          lastStatusCode: attempt.result.status,
          lastError: attempt.result.error,
          failedAt: attempt.at.toISOString(),
        },
      },
    });
  }
  if (events.length === 0) return;
  await client.query(
    `INSERT INTO "OutboxEvent" (id, "propertyId", type, payload) SELECT id, "propertyId", type, payload FROM jsonb_to_recordset($1::jsonb)
       AS x(id text, "propertyId" text, type text, payload jsonb)`,
    [storableJson(events)],
  );
  await client.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
}

/** Pending deliveries of disabled endpoints fail at once (not those in flight: their record does it). */
export async function failPendingDeliveries(client: pg.Pool | pg.PoolClient, endpointIds: string[], now: Date): Promise<number> {
  const { rowCount } = await client.query(
    `UPDATE "WebhookDelivery" SET status = 'FAILED', "nextAttemptAt" = NULL, "updatedAt" = $2,
       "lastError" = coalesce("lastError" || ' — ', '') || 'not sent: the endpoint was disabled'
     WHERE "endpointId" = ANY($1) AND status = 'PENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" <= $2)`,
    [endpointIds, now],
  );
  return rowCount ?? 0;
}

// The shared token buckets in PostgreSQL, one row per subject, and the one statement that touches them:
// a lease. It refills the subject's bucket for the time elapsed and grants
// LEAST(wanted, floor(tokens), dailyLimit − dayCount) tokens at once, returning the grant and the
// bucket's state after it. A lease of 1 per request is the exact, one-round-trip limiter
// (`consumeRateLimits`); lib/rate-limits/token-leases.ts leases several at a time and spends them in
// memory. The old row is read FOR UPDATE first, so the grant is computed from the version the update
// replaces even when other instances lease the same subject concurrently.
import type pg from "pg";
import { getPool } from "../db/client";

export interface Limit {
  subject: string;
  /** Tokens added per second. */
  rate: number;
  /** Bucket size: the burst allowed. */
  burst: number;
  perDay: number;
}

export interface LimitState {
  subject: string;
  allowed: boolean;
  limit: Limit;
  remaining: number;
  dayRemaining: number;
  /** Seconds until a request would be allowed again (0 when allowed). */
  retryAfter: number;
  /** Seconds until the bucket is full again. */
  resetAfter: number;
  /** Seconds until the day's counter starts over (midnight UTC). */
  dayResetAfter: number;
}

export interface LeaseRequest {
  limit: Limit;
  wanted: number;
}

export interface Lease {
  subject: string;
  /** Tokens granted, 0 to `wanted`. */
  granted: number;
  /** The bucket's tokens right after the grant (fractional). */
  tokens: number;
  /** Tokens granted today so far, this grant included. */
  dayCount: number;
}

const SQL = `
WITH i AS (
  SELECT s, r, bu, d, w FROM unnest($1::text[], $2::float8[], $3::float8[], $4::int[], $5::int[]) AS i(s, r, bu, d, w)
), old AS (
  SELECT b.subject, b.tokens, b."updatedAt", b.day, b."dayCount" FROM "RateLimitBucket" b WHERE b.subject IN (SELECT s FROM i) FOR UPDATE
), refilled AS (
  SELECT i.*,
    LEAST(i.bu, o.tokens + i.r * GREATEST(0, EXTRACT(EPOCH FROM ($6::timestamptz - o."updatedAt")))) AS tokens,
    CASE WHEN o.day = ($6::timestamptz AT TIME ZONE 'UTC')::date THEN o."dayCount" ELSE 0 END AS count,
    GREATEST(o."updatedAt", $6::timestamptz) AS at
  FROM i JOIN old o ON o.subject = i.s
), granted AS (
  SELECT f.*, GREATEST(0, LEAST(f.w, floor(f.tokens), f.d - f.count))::int AS g FROM refilled f
), updated AS (
  UPDATE "RateLimitBucket" b SET
    tokens = g.tokens - g.g, "dayCount" = g.count + g.g, day = ($6::timestamptz AT TIME ZONE 'UTC')::date, "updatedAt" = g.at,
    allowed = g.g > 0, rate = g.r, burst = g.bu, "dailyLimit" = g.d
  FROM granted g WHERE b.subject = g.s
  RETURNING b.subject, g.g AS granted, b.tokens, b."dayCount"
), fresh AS (
  SELECT i.*, GREATEST(0, LEAST(i.w, floor(i.bu), i.d))::int AS g FROM i WHERE i.s NOT IN (SELECT subject FROM old)
), inserted AS (
  INSERT INTO "RateLimitBucket" AS b (subject, rate, burst, "dailyLimit", tokens, "updatedAt", day, "dayCount", allowed)
  SELECT s, r, bu, d, bu - g, $6::timestamptz, ($6::timestamptz AT TIME ZONE 'UTC')::date, g, g > 0 FROM fresh
  ON CONFLICT (subject) DO NOTHING
  RETURNING b.subject, b."dayCount" AS granted, b.tokens, b."dayCount"
)
SELECT * FROM updated UNION ALL SELECT * FROM inserted`;

/** Leases tokens of each subject's shared bucket in one statement; each subject is granted what it can independently. */
export async function leaseTokens(requests: LeaseRequest[], now: Date, pool: pg.Pool = getPool(), attempts = 2): Promise<Lease[]> {
  const { rows } = await pool.query<{ subject: string; granted: number; tokens: number; dayCount: number }>(SQL, [
    requests.map((q) => q.limit.subject),
    requests.map((q) => q.limit.rate),
    requests.map((q) => q.limit.burst),
    requests.map((q) => q.limit.perDay),
    requests.map((q) => Math.max(0, Math.floor(q.wanted))),
    now.toISOString(),
  ]);
  const leases = new Map<string, Lease>(
    rows.map((r) => [
      r.subject,
      { subject: r.subject, granted: Number(r.granted), tokens: Number(r.tokens), dayCount: Number(r.dayCount) },
    ]),
  );
  // Two instances creating the same bucket at once: the loser's insert does nothing and returns no row,
  // and its second attempt finds the row and updates it.
  const missing = requests.filter((q) => !leases.has(q.limit.subject));
  if (missing.length > 0) {
    if (attempts <= 1) throw new Error(`Rate limit buckets could not be leased: ${missing.map((q) => q.limit.subject).join(", ")}`);
    for (const lease of await leaseTokens(missing, now, pool, attempts - 1)) leases.set(lease.subject, lease);
  }
  return requests.map((q) => leases.get(q.limit.subject)!);
}

/** Seconds from `now` to the next midnight UTC, when the day's counters start over. */
export function secondsToMidnightUtc(now: number): number {
  const date = new Date(now);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - now) / 1000));
}

/**
 * What a client is told about one limit: `tokens` are those it could still spend now (fractional),
 * `dayCount` the requests counted today.
 */
export function limitState(limit: Limit, allowed: boolean, tokens: number, dayCount: number, now: number): LimitState {
  const dayResetAfter = secondsToMidnightUtc(now);
  const dayRemaining = Math.max(0, limit.perDay - dayCount);
  const tokenWait = tokens >= 1 ? 0 : Math.ceil((1 - tokens) / limit.rate);
  return {
    subject: limit.subject,
    allowed,
    limit,
    remaining: Math.max(0, Math.floor(tokens)),
    dayRemaining,
    retryAfter: allowed ? 0 : dayRemaining === 0 ? dayResetAfter : Math.max(1, tokenWait),
    resetAfter: Math.max(0, Math.ceil((limit.burst - tokens) / limit.rate)),
    dayResetAfter,
  };
}

/** Spends one token of each limit with one round trip: exact, and what the token leases are measured against. */
export async function consumeRateLimits(limits: Limit[], now = new Date(), pool: pg.Pool = getPool()): Promise<LimitState[]> {
  const leases = await leaseTokens(
    limits.map((limit) => ({ limit, wanted: 1 })),
    now,
    pool,
  );
  return limits.map((limit, i) => limitState(limit, leases[i]!.granted === 1, leases[i]!.tokens, leases[i]!.dayCount, now.getTime()));
}

/** The IETF draft fields (RateLimit-Policy, RateLimit) and the widespread X-RateLimit-* ones. */
export function rateLimitHeaders(state: LimitState, now = new Date()): Record<string, string> {
  const { limit } = state;
  const window = Math.max(1, Math.round(limit.burst / limit.rate));
  const headers: Record<string, string> = {
    "RateLimit-Policy": `"burst";q=${limit.burst};w=${window}, "daily";q=${limit.perDay};w=86400`,
    RateLimit: `"burst";r=${state.remaining};t=${state.resetAfter}, "daily";r=${state.dayRemaining};t=${state.dayResetAfter}`,
    "X-RateLimit-Limit": String(limit.burst),
    "X-RateLimit-Remaining": String(state.dayRemaining === 0 ? 0 : state.remaining),
    "X-RateLimit-Reset": String(Math.ceil(now.getTime() / 1000) + (state.dayRemaining === 0 ? state.dayResetAfter : state.resetAfter)),
  };
  if (!state.allowed) headers["Retry-After"] = String(state.retryAfter);
  return headers;
}

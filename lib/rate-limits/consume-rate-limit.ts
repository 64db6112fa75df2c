// Rate limits shared by every app instance through PostgreSQL, at one round trip per request: a
// single INSERT … ON CONFLICT DO UPDATE refills each subject's token bucket for the time elapsed,
// spends a token when one is left and the day's cap is not reached, and returns the new state.
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

const REFILLED = `LEAST(EXCLUDED.burst, b.tokens + EXCLUDED.rate * GREATEST(0, EXTRACT(EPOCH FROM (EXCLUDED."updatedAt" - b."updatedAt"))))`;
const DAY_COUNT = `(CASE WHEN b.day = EXCLUDED.day THEN b."dayCount" ELSE 0 END)`;
const ALLOWED = `(${REFILLED} >= 1 AND ${DAY_COUNT} < EXCLUDED."dailyLimit")`;

const SQL = `
INSERT INTO "RateLimitBucket" AS b (subject, rate, burst, "dailyLimit", tokens, "updatedAt", day, "dayCount", allowed)
SELECT s, r, bu, d, bu - 1, $5::timestamptz, ($5::timestamptz AT TIME ZONE 'UTC')::date, 1, true
  FROM unnest($1::text[], $2::float8[], $3::float8[], $4::int[]) AS i(s, r, bu, d)
ON CONFLICT (subject) DO UPDATE SET
  allowed = ${ALLOWED},
  tokens = ${REFILLED} - CASE WHEN ${ALLOWED} THEN 1 ELSE 0 END,
  "dayCount" = ${DAY_COUNT} + CASE WHEN ${ALLOWED} THEN 1 ELSE 0 END,
  day = EXCLUDED.day,
  "updatedAt" = GREATEST(b."updatedAt", EXCLUDED."updatedAt"),
  rate = EXCLUDED.rate, burst = EXCLUDED.burst, "dailyLimit" = EXCLUDED."dailyLimit"
RETURNING subject, tokens, "dayCount", allowed`;

export async function consumeRateLimits(limits: Limit[], now = new Date(), pool: pg.Pool = getPool()): Promise<LimitState[]> {
  const { rows } = await pool.query<{ subject: string; tokens: number; dayCount: number; allowed: boolean }>(SQL, [
    limits.map((l) => l.subject),
    limits.map((l) => l.rate),
    limits.map((l) => l.burst),
    limits.map((l) => l.perDay),
    now.toISOString(),
  ]);
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  const dayResetAfter = Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
  return limits.map((limit) => {
    const row = rows.find((r) => r.subject === limit.subject)!;
    const tokens = Number(row.tokens);
    const dayRemaining = Math.max(0, limit.perDay - row.dayCount);
    const tokenWait = tokens >= 1 ? 0 : Math.ceil((1 - tokens) / limit.rate);
    return {
      subject: limit.subject,
      allowed: row.allowed,
      limit,
      remaining: Math.max(0, Math.floor(tokens)),
      dayRemaining,
      retryAfter: row.allowed ? 0 : dayRemaining === 0 ? dayResetAfter : Math.max(1, tokenWait),
      resetAfter: Math.max(0, Math.ceil((limit.burst - tokens) / limit.rate)),
      dayResetAfter,
    };
  });
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

// Failed authentications per client IP: 20 a minute (a token bucket of 20 refilled at one per 3 s), then
// 429 RATE_LIMITED, so well-formed but unknown keys cannot be tried for free. Counted in this process's
// memory, not in PostgreSQL, so a refusal costs no query: with N instances an address gets up to N × 20 a
// minute. Requests whose address is unknown (TRUST_PROXY_HOPS=0) share one bucket.
export const FAILED_AUTH_BURST = 20;
export const FAILED_AUTH_WINDOW_SECONDS = 60;
const RATE = FAILED_AUTH_BURST / FAILED_AUTH_WINDOW_SECONDS;
const MAX_ADDRESSES = 10_000;
const UNKNOWN = "unknown";

interface Bucket {
  tokens: number;
  at: number;
}

export interface FailedAuthState {
  allowed: boolean;
  remaining: number;
  /** Seconds until one more failure is allowed (0 when allowed). */
  retryAfter: number;
  /** Seconds until the bucket is full again. */
  resetAfter: number;
}

// On globalThis: every route bundle of the app counts into the same buckets.
const globalForFailures = globalThis as unknown as { __pmsFailedAuth?: Map<string, Bucket> };
const buckets = (globalForFailures.__pmsFailedAuth ??= new Map());

function refilled(ip: string | null, now: number): Bucket {
  const bucket = buckets.get(ip ?? UNKNOWN);
  if (!bucket) return { tokens: FAILED_AUTH_BURST, at: now };
  return { tokens: Math.min(FAILED_AUTH_BURST, bucket.tokens + (RATE * Math.max(0, now - bucket.at)) / 1000), at: now };
}

function stateOf(bucket: Bucket, allowed: boolean): FailedAuthState {
  return {
    allowed,
    remaining: Math.floor(bucket.tokens),
    retryAfter: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / RATE)),
    resetAfter: Math.ceil((FAILED_AUTH_BURST - bucket.tokens) / RATE),
  };
}

/** The address's state when it may not fail again now, else null: checked before a lookup, spending nothing. */
export function failedAuthenticationsExhausted(ip: string | null, now = Date.now()): FailedAuthState | null {
  const bucket = refilled(ip, now);
  return bucket.tokens >= 1 ? null : stateOf(bucket, false);
}

/** Counts one failed authentication of the address; `allowed: false` once it is over its limit. */
export function recordFailedAuthentication(ip: string | null, now = Date.now()): FailedAuthState {
  const bucket = refilled(ip, now);
  const allowed = bucket.tokens >= 1;
  if (allowed) bucket.tokens -= 1;
  const name = ip ?? UNKNOWN;
  // Re-inserted so the map's order is least recently failed first, and the oldest address goes when full.
  buckets.delete(name);
  if (buckets.size >= MAX_ADDRESSES) buckets.delete(buckets.keys().next().value!);
  buckets.set(name, bucket);
  return stateOf(bucket, allowed);
}

/** The same rate-limit fields as the per-key limits, for this limit's one window. */
export function failedAuthHeaders(state: FailedAuthState, now = Date.now()): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Policy": `"failed-auth";q=${FAILED_AUTH_BURST};w=${FAILED_AUTH_WINDOW_SECONDS}`,
    RateLimit: `"failed-auth";r=${state.remaining};t=${state.resetAfter}`,
    "X-RateLimit-Limit": String(FAILED_AUTH_BURST),
    "X-RateLimit-Remaining": String(state.remaining),
    "X-RateLimit-Reset": String(Math.ceil(now / 1000) + state.resetAfter),
  };
  if (!state.allowed) headers["Retry-After"] = String(state.retryAfter);
  return headers;
}

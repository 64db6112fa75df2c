// When a failed delivery is tried again: the Standard Webhooks schedule (immediately, then 5 s, 5 min,
// 30 min, 2 h, 5 h, 10 h, 10 h after the previous attempt), each delay spread by ±10 % so a burst of
// failures does not come back as a burst. A Retry-After on 429/503 pushes the next attempt later.
export const RETRY_DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
export const JITTER = 0.1;
/** A Retry-After longer than this is capped: the schedule's longest step. */
const MAX_RETRY_AFTER_MS = 10 * 3_600_000;

/** Delay before the attempt after attempt number `attemptsMade` (1-based), or null when none is left. */
export function retryDelayMs(attemptsMade: number, random: () => number = Math.random): number | null {
  const base = RETRY_DELAYS_MS[attemptsMade - 1];
  if (base === undefined) return null;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const date = Date.parse(trimmed);
    if (Number.isNaN(date)) return null;
    ms = date - now.getTime();
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

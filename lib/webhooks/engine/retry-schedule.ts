// When a failed delivery is tried again. The standard schedule is Standard Webhooks' (immediately, then
// 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the previous attempt: 8 attempts over about 27.6 hours);
// the extended one, chosen per endpoint, adds two 24-hour steps (10 attempts over about 75.6 hours), so a
// receiver down from Friday night to Monday morning still gets its events. Each delay is spread by ±10 %
// so a burst of failures does not come back as a burst. A Retry-After on 429/503 pushes the next attempt later.
export const RETRY_DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000] as const;
export const EXTENDED_RETRY_DELAYS_MS = [...RETRY_DELAYS_MS, 24 * 3_600_000, 24 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

export const RETRY_SCHEDULES = { standard: RETRY_DELAYS_MS, extended: EXTENDED_RETRY_DELAYS_MS } as const;
export type RetrySchedule = keyof typeof RETRY_SCHEDULES;
export const RETRY_SCHEDULE_NAMES = Object.keys(RETRY_SCHEDULES) as [RetrySchedule, ...RetrySchedule[]];

export const JITTER = 0.1;
/** A Retry-After longer than this is capped: the standard schedule's longest step. */
const MAX_RETRY_AFTER_MS = 10 * 3_600_000;

export const maxAttempts = (schedule: RetrySchedule = "standard") => RETRY_SCHEDULES[schedule].length + 1;

/** Delay before the attempt after attempt number `attemptsMade` (1-based), or null when none is left. */
export function retryDelayMs(attemptsMade: number, random: () => number = Math.random, schedule: string = "standard"): number | null {
  const delays: readonly number[] = schedule === "extended" ? EXTENDED_RETRY_DELAYS_MS : RETRY_DELAYS_MS;
  const base = delays[attemptsMade - 1];
  if (base === undefined) return null;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

/** In words, for the dashboard and the reference: "8 attempts over about 28 hours". */
export function describeRetrySchedule(schedule: RetrySchedule): string {
  const hours = RETRY_SCHEDULES[schedule].reduce((sum: number, ms: number) => sum + ms, 0) / 3_600_000;
  const span = hours >= 48 ? `about ${Math.round(hours / 24)} days` : `about ${Math.round(hours)} hours`;
  return `${maxAttempts(schedule)} attempts over ${span}`;
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

// The thresholds an alert and a health line share, so the bell and the Overview never disagree about
// when a key or an endpoint is failing.

/** Failing: more than this share of requests failed over FAILING_WINDOW_MS, with at least FAILING_MIN_REQUESTS. */
export const FAILING_ERROR_RATE = 0.2;
export const FAILING_WINDOW_MS = 15 * 60_000;
export const FAILING_MIN_REQUESTS = 10;
/** Degraded: more than this share of the last hour's requests failed. */
export const DEGRADED_ERROR_RATE = 0.05;
/** An endpoint is failing after this many failed attempts in a row, or failing this long. */
export const ENDPOINT_FAILING_ATTEMPTS = 3;
export const ENDPOINT_FAILING_MS = 15 * 60_000;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

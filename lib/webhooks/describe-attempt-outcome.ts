// What a delivery attempt's outcome means in plain words ("Failed – connection refused"), with the raw
// code beside it (`ECONNREFUSED`, `HTTP 503`) for whoever debugs the receiver. Pure: the dashboard
// renders it on the client, and the tests pin every mapping.
import { relativeTimeText } from "../ui/relative-time-text";

export type OutcomeTone = "green" | "amber" | "red";

export interface AttemptOutcome {
  /** Plain words: "Delivered", "Failed – timed out", "Pending – next try in 4 minutes". */
  label: string;
  /** The raw code in secondary text: "HTTP 500", "ECONNREFUSED", "TIMEOUT"; null when nothing was tried. */
  code: string | null;
  tone: OutcomeTone;
}

/** The reason phrases a receiver is likely to answer with; any other code reads as "HTTP 418". */
const REASON_PHRASES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  410: "Gone",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

const TLS_CODES = new Set([
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "EPROTO",
]);

const ERROR_REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EPIPE: "connection closed",
  ENOTFOUND: "DNS lookup failed",
  EAI_AGAIN: "DNS lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "timed out",
  TIMEOUT: "timed out",
  BLOCKED: "address not allowed",
  INVALID_URL: "invalid URL",
};

/** The raw code of an attempt's stored error ("ECONNREFUSED: connect …", "Timed out after 10 s", "Refused: …"). */
export function errorCode(error: string): string {
  const prefix = /^([A-Z][A-Z0-9_]{2,}):/.exec(error);
  if (prefix?.[1]) return prefix[1];
  if (/^Timed out/i.test(error)) return "TIMEOUT";
  if (/^Refused:/.test(error)) return "BLOCKED";
  if (/^Invalid URL/i.test(error)) return "INVALID_URL";
  if (/^Not sent:/.test(error)) return "NOT_SENT";
  return "ERROR";
}

/** Why one attempt did not deliver, in words: "connection refused", "HTTP 500 Internal Server Error". */
function failureReason(responseStatus: number | null, error: string | null): { reason: string | null; code: string | null } {
  if (responseStatus !== null) {
    const phrase = REASON_PHRASES[responseStatus];
    if (responseStatus === 429) return { reason: "rate limited", code: "HTTP 429" };
    return { reason: `HTTP ${responseStatus}${phrase ? ` ${phrase}` : ""}`, code: `HTTP ${responseStatus}` };
  }
  if (!error) return { reason: null, code: null };
  const code = errorCode(error);
  if (code === "NOT_SENT") return { reason: error.replace(/^Not sent:\s*/, "not sent: ").replace(/\.$/, ""), code: null };
  if (TLS_CODES.has(code) || code.startsWith("ERR_TLS") || code.startsWith("ERR_SSL")) return { reason: "TLS error", code };
  return { reason: ERROR_REASONS[code] ?? "no answer", code };
}

/** One attempt: "Delivered" (2xx), "Rate limited" (429), or "Failed – connection refused". */
export function describeAttemptOutcome(attempt: { responseStatus: number | null; error: string | null }): AttemptOutcome {
  const { responseStatus, error } = attempt;
  if (responseStatus !== null && responseStatus >= 200 && responseStatus < 300) {
    return { label: "Delivered", code: `HTTP ${responseStatus}`, tone: "green" };
  }
  if (responseStatus === 429) return { label: "Rate limited", code: "HTTP 429", tone: "amber" };
  const { reason, code } = failureReason(responseStatus, error);
  return { label: reason ? `Failed – ${reason}` : "Failed", code, tone: "red" };
}

export interface DeliveryState {
  status: "PENDING" | "SUCCEEDED" | "FAILED";
  lastStatusCode: number | null;
  lastError: string | null;
  attemptCount: number;
  nextAttemptAt: string | null;
}

/** "in 4 minutes", or "in a few seconds" when close (never "in 0 seconds"): the dashboard's one wording of time. */
export function nextTryIn(next: Date, now: Date): string {
  // Due already (the worker is about to pick it up) reads as soon, not as "just now".
  return relativeTimeText(next.getTime() > now.getTime() ? next : new Date(now.getTime() + 1), now);
}

/** Where a delivery stands, from its last attempt: "Delivered", "Failed – timed out", "Pending – next try in 4 minutes". */
export function describeDeliveryStatus(delivery: DeliveryState, options: { now: Date; paused?: boolean }): AttemptOutcome {
  const answered = delivery.attemptCount > 0;
  // "Not sent: the endpoint was disabled" outranks the status code the attempt before it got.
  const notSent = delivery.lastError !== null && errorCode(delivery.lastError) === "NOT_SENT";
  const last = answered
    ? describeAttemptOutcome({ responseStatus: notSent ? null : delivery.lastStatusCode, error: delivery.lastError })
    : { label: "", code: null, tone: "amber" as const };
  if (delivery.status === "SUCCEEDED") return { label: "Delivered", code: last.code, tone: "green" };
  if (delivery.status === "FAILED") {
    if (answered) return { ...last, label: last.label === "Rate limited" ? "Failed – rate limited" : last.label, tone: "red" };
    const { reason } = failureReason(null, delivery.lastError);
    return { label: reason ? `Failed – ${reason}` : "Failed", code: null, tone: "red" };
  }
  const head = answered && delivery.lastStatusCode === 429 ? "Rate limited" : "Pending";
  if (options.paused) return { label: `${head} – paused while the endpoint is disabled`, code: last.code, tone: "amber" };
  const next = delivery.nextAttemptAt ? new Date(delivery.nextAttemptAt) : null;
  if (!next || next.getTime() <= options.now.getTime()) {
    return { label: answered ? `${head} – retrying now` : "Pending – sending", code: last.code, tone: "amber" };
  }
  return { label: `${head} – next try ${nextTryIn(next, options.now)}`, code: last.code, tone: "amber" };
}

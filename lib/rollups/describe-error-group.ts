// What a group of failed API requests was, in words a property manager reads in a health line or an
// alert: "to paths that don't exist (404)", "refused as invalid input (400) on POST /reservations".
// The status stays in brackets for whoever talks to the integrator; the raw code is the logs' business.
import type { ErrorCode } from "../errors/app-error";

export interface ErrorGroupKey {
  /** The API's error code, "" when the answer carried none. */
  errorCode: string;
  status: number;
  method: string;
  /** The operation's path ("/reservations/{id}"), "" when the request matched no operation. */
  route: string;
}

/** Each code as it follows "most of them …". Dashboard-only codes never reach the API's logs. */
const REASONS: Partial<Record<ErrorCode, string>> = {
  VALIDATION_ERROR: "refused as invalid input",
  INVALID_JSON: "with a body that is not valid JSON",
  IDEMPOTENCY_KEY_REQUIRED: "without the Idempotency-Key header",
  UNAUTHORIZED: "with a missing or unknown API key",
  KEY_REVOKED: "with a revoked API key",
  KEY_EXPIRED: "with an expired API key",
  PARTNER_KEY_REQUIRED: "without the partner key",
  FORBIDDEN: "refused because the key lacks the permission",
  PLAN_REQUIRED: "refused because the plan does not include the API",
  NOT_FOUND: "for records that don't exist",
  METHOD_NOT_ALLOWED: "with a method the path does not accept",
  PAYLOAD_TOO_LARGE: "with a body too large",
  UNSUPPORTED_MEDIA_TYPE: "with a body that is not JSON",
  CONFLICT: "conflicting with existing records",
  INVALID_STATE: "not possible in the record's current state",
  IDEMPOTENCY_KEY_IN_USE: "repeating a request still in progress",
  GUEST_ERASED: "about guests whose personal data was erased",
  IDEMPOTENCY_KEY_REUSED: "reusing an Idempotency-Key for a different request",
  URL_NOT_ALLOWED: "with a webhook URL that is not allowed",
  CURRENCY_MISMATCH: "in another currency than the property's",
  RATE_LIMITED: "over the rate limit",
  SERVICE_UNAVAILABLE: "while the service was unavailable",
  INTERNAL_ERROR: "failing on our side",
};

/** The group as it follows "most of them": its reason, the status in brackets, then the operation when there is one. */
export function describeErrorGroup(group: ErrorGroupKey): string {
  const known = Object.hasOwn(REASONS, group.errorCode) ? REASONS[group.errorCode as ErrorCode] : undefined;
  // No operation matched a 404: the path itself is unknown.
  const reason = !group.route && group.status === 404 ? "to paths that don't exist" : known;
  const what = reason ? `${reason} (${group.status})` : `answered with HTTP ${group.status}`;
  return group.route ? `${what} on ${group.method} ${group.route}` : what;
}

import type { BadgeTone } from "@/components/ui/badge";

// What a person reads for a status: the error code when the API gave one (401 can be a revoked or an
// expired key), else the status's plain name.
const BY_CODE: Record<string, string> = {
  VALIDATION_ERROR: "Invalid request",
  IDEMPOTENCY_KEY_REQUIRED: "Idempotency key required",
  INVALID_JSON: "Invalid JSON",
  UNAUTHORIZED: "Not authenticated",
  KEY_REVOKED: "Key revoked",
  KEY_EXPIRED: "Key expired",
  PARTNER_KEY_REQUIRED: "Partner key required",
  FORBIDDEN: "Forbidden",
  PLAN_REQUIRED: "Plan required",
  NOT_FOUND: "Not found",
  METHOD_NOT_ALLOWED: "Method not allowed",
  PAYLOAD_TOO_LARGE: "Payload too large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
  CONFLICT: "Conflict",
  INVALID_STATE: "Invalid state",
  IDEMPOTENCY_KEY_IN_USE: "Idempotency key in use",
  IDEMPOTENCY_KEY_REUSED: "Idempotency key reused",
  URL_NOT_ALLOWED: "URL not allowed",
  RATE_LIMITED: "Rate limited",
  SERVICE_UNAVAILABLE: "Service unavailable",
  INTERNAL_ERROR: "Server error",
};

const BY_STATUS: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No content",
  304: "Not modified",
  400: "Bad request",
  401: "Not authenticated",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable",
  429: "Rate limited",
  500: "Server error",
  502: "Bad gateway",
  503: "Service unavailable",
  504: "Gateway timeout",
};

const BY_CLASS = ["", "Informational", "Success", "Redirect", "Client error", "Server error"];

/** "200 OK", "401 Key revoked", "429 Rate limited". */
export function statusLabel(status: number, errorCode: string | null): string {
  const byCode = errorCode ? BY_CODE[errorCode] : undefined;
  const name = byCode ?? BY_STATUS[status] ?? BY_CLASS[Math.floor(status / 100)] ?? "";
  return name ? `${status} ${name}` : String(status);
}

export const statusTone = (status: number): BadgeTone =>
  status >= 500 ? "red" : status >= 400 ? "amber" : status >= 300 ? "blue" : "green";

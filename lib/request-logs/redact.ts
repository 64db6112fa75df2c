// What a request log may keep: secrets never reach the table. Credentials in headers are replaced,
// known secret fields and anything shaped like one of our keys are replaced inside JSON bodies, and
// bodies are cut at 32 KB with a marker.
export const BODY_LIMIT = 32 * 1024;
export const REDACTED = "[REDACTED]";

const SECRET_HEADERS = new Set(["authorization", "user-api-key", "x-api-key", "cookie", "set-cookie", "proxy-authorization"]);
const SECRET_FIELDS =
  /^(password|passwd|secret|signing_?secret|token|access_?token|refresh_?token|api_?key|key|pin|card_?number|cvc|cvv)$/i;
const SECRET_VALUES = /\b(pms_(live|test)_[0-9A-Za-z]{36}|pk_[0-9A-Za-z]{32}|whsec_[0-9A-Za-z+/=]{16,})\b/g;

export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value.replace(SECRET_VALUES, REDACTED);
  });
  return out;
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.test(k) && v !== null ? REDACTED : redactValue(v)]));
  }
  return typeof value === "string" ? value.replace(SECRET_VALUES, REDACTED) : value;
}

export function cut(text: string): string {
  if (Buffer.byteLength(text) <= BODY_LIMIT) return text;
  const head = Buffer.from(text)
    .subarray(0, BODY_LIMIT)
    .toString("utf8")
    .replace(/\uFFFD$/, "");
  return `${head}…[truncated: ${Buffer.byteLength(text)} bytes in all]`;
}

/** A body for the log: redacted (JSON) or key-scrubbed (anything else), then cut at 32 KB. */
export function redactBody(text: string): string | null {
  if (!text) return null;
  let redacted: string;
  try {
    redacted = JSON.stringify(redactValue(JSON.parse(text)));
  } catch {
    redacted = text.replace(SECRET_VALUES, REDACTED);
  }
  return cut(redacted);
}

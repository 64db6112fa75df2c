// What a request log may keep: secrets never reach the table. Every column goes through here: the path,
// query names and values, every header (name and value), the user agent and both bodies. Credential
// headers are replaced whole, known secret fields inside JSON bodies too, and anything shaped like one of
// our keys is replaced wherever it sits: glued to other letters, in any letter case, or percent-encoded.
// Bodies are cut at 32 KB with a marker.
export const BODY_LIMIT = 32 * 1024;
export const REDACTED = "[REDACTED]";

const SECRET_HEADERS = new Set(["authorization", "user-api-key", "x-api-key", "cookie", "set-cookie", "proxy-authorization"]);
const SECRET_FIELDS =
  /^(password|passwd|secret|signing_?secret|token|access_?token|refresh_?token|api_?key|key|pin|card_?number|cvc|cvv)$/i;
// No word boundaries: `abcpms_live_…xyz` is still a key. Case-insensitive: header names arrive lower-cased.
const SECRET_VALUES = /pms_(?:live|test)_[0-9a-z]{36}|pk_[0-9a-z]{32}|whsec_[0-9a-z+/=]{16,}/gi;
const HAS_SECRET = new RegExp(SECRET_VALUES.source, "i");
// A JSON member named like a secret field, as written when no escape spells its name.
const SECRET_MEMBER = new RegExp(`"${SECRET_FIELDS.source.slice(1, -1)}"\\s*:`, "i");

function decodeOnce(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // Bad percent-encoding elsewhere in the text: decode what can be, sequence by sequence.
    return text.replace(/(%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** Any text with every secret replaced; a text whose percent-decoding holds one is kept decoded, redacted. */
export function redactText(text: string): string {
  let redacted = text.replace(SECRET_VALUES, REDACTED);
  if (!redacted.includes("%")) return redacted;
  // Up to three layers of percent-encoding (%255F is an encoded %5F, an encoded "_").
  for (let layer = 0, decoded = redacted; layer < 3 && decoded.includes("%"); layer++) {
    decoded = decodeOnce(decoded);
    if (HAS_SECRET.test(decoded)) redacted = decoded.replace(SECRET_VALUES, REDACTED);
  }
  return redacted;
}

export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[redactText(name)] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : redactText(value);
  });
  return out;
}

/** The query of a URL for the log: names and values redacted, before decoding (a '+' in a secret) and after. */
export function redactQuery(url: URL): Record<string, string> {
  const params = new URLSearchParams(url.search.replace(SECRET_VALUES, REDACTED));
  const out: Record<string, string> = {};
  params.forEach((value, name) => {
    out[redactText(name)] = redactText(value);
  });
  return out;
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [redactText(k), SECRET_FIELDS.test(k) && v !== null ? REDACTED : redactValue(v)]),
    );
  }
  return typeof value === "string" ? redactText(value) : value;
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
  // Most bodies (a page of 25 reservations is 16 KB) hold nothing to redact, which one scan shows:
  // no secret value, no member named like a secret, nothing percent-encoded or \u-escaped that could
  // spell either. Those are kept as they are, without parsing and re-serializing them.
  if (!HAS_SECRET.test(text) && !SECRET_MEMBER.test(text) && !text.includes("%") && !text.includes("\\u")) return cut(text);
  let redacted: string;
  try {
    redacted = JSON.stringify(redactValue(JSON.parse(text)));
  } catch {
    redacted = redactText(text);
  }
  return cut(redacted);
}

// What a request log may keep: secrets never reach the table. Every column goes through here: the path,
// query names and values, every header (name and value), the user agent and both bodies. Credential
// headers are replaced whole, and so is any value whose name says it is a secret (password, pin, token,
// api_key, client_secret, signature…): a JSON member, a query parameter, a `name=value` pair in a path or
// a header, a pair in a body that is not JSON (form-encoded, truncated JSON, multipart). Anything shaped
// like one of our keys is replaced wherever it sits: glued to other letters, in any letter case, or
// percent-encoded. A request body that is not JSON also loses every e-mail address and every run of 4–10
// digits (a PIN's shape), attributable or not: there, over-redaction beats a leak. Bodies are cut at 32 KB.
export const BODY_LIMIT = 32 * 1024;
export const REDACTED = "[REDACTED]";

const SECRET_HEADERS = new Set(["authorization", "user-api-key", "x-api-key", "cookie", "set-cookie", "proxy-authorization"]);
// No word boundaries: `abcpms_live_…xyz` is still a key. Case-insensitive: header names arrive lower-cased.
const SECRET_VALUES = /pms_(?:live|test)_[0-9a-z]{36}|pk_[0-9a-z]{32}|whsec_[0-9a-z+/=]{16,}/gi;
const HAS_SECRET = new RegExp(SECRET_VALUES.source, "i");

// The name rule. A name is split into words ("user[password]", "x-api-key", "clientSecret", "PIN_CODE");
// it names a secret when any word is one of these…
const SECRET_WORDS = new Set(["password", "passwd", "passphrase", "passcode", "pwd", "pin", "otp", "cvc", "cvv", "apikey"]);
// …or its last word is one of these ("signing_secret", "access_token", "X-Amz-Signature", but not "tokenType")…
const SECRET_LAST_WORDS = new Set(["secret", "token", "signature", "sig", "authorization", "auth", "credential", "credentials", "pass"]);
// …or it is "key", or a key of these kinds ("api_key", "private-key"; not "idempotency-key"), or a card number.
const KEY_KINDS = new Set(["api", "private", "secret", "access", "signing", "client", "encryption", "master", "license", "session"]);
// In a URL or a name=value text, `code` is an authorization code (OAuth); no /api/v1 query takes one. In JSON
// it stays readable: there it is a reservation's or an error's code.
const URL_ONLY_WORDS = new Set(["code"]);

function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether a field, parameter or header name says its value is a secret; `inUrl` adds the names only URLs use so. */
export function isSecretName(name: string, inUrl = false): boolean {
  const words = wordsOf(name);
  const last = words[words.length - 1];
  if (!last) return false;
  if (words.some((w) => SECRET_WORDS.has(w)) || SECRET_LAST_WORDS.has(last)) return true;
  const before = words[words.length - 2];
  if (last === "key") return words.length === 1 || KEY_KINDS.has(before!);
  if (last === "number" && before === "card") return true;
  if (last === "id" && before === "session") return true;
  return inUrl && words.length === 1 && URL_ONLY_WORDS.has(last);
}

// A JSON member whose name holds a secret word's letters, as written when no escape spells its name: enough
// to look closer (the name rule decides), and rare in the bodies of a busy API's answers.
const SECRET_MEMBER_HINT = /"[^"\\]*(?:pass|pwd|pin|otp|cvc|cvv|secret|token|sig|auth|credential|key|card|session)[^"\\]*"\s*:/i;

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

// name=value in a URL or a header: the value, up to the next separator, goes when the name says secret.
const URL_PAIR = /(^|[?&;#\s,])([^=&?;#\s,]+)=([^&;#\s,]*)/g;

function redactUrlPairs(text: string): string {
  if (!text.includes("=")) return text;
  return text.replace(URL_PAIR, (pair, separator: string, name: string) =>
    isSecretName(decodeOnce(decodeOnce(name)), true) ? `${separator}${name}=${REDACTED}` : pair,
  );
}

const scrub = (text: string) => redactUrlPairs(text.replace(SECRET_VALUES, REDACTED));

/** Any text with every secret replaced; a text whose percent-decoding holds one is kept decoded, redacted. */
export function redactText(text: string): string {
  let redacted = scrub(text);
  if (!redacted.includes("%")) return redacted;
  // Up to three layers of percent-encoding (%255F is an encoded %5F, an encoded "_").
  for (let layer = 0, decoded = redacted; layer < 3 && decoded.includes("%"); layer++) {
    decoded = decodeOnce(decoded);
    const scrubbed = scrub(decoded);
    if (scrubbed !== decoded) redacted = scrubbed;
  }
  return redacted;
}

export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[redactText(name)] = SECRET_HEADERS.has(name.toLowerCase()) || isSecretName(name) ? REDACTED : redactText(value);
  });
  return out;
}

/**
 * The query of a URL for the log: a value whose name says secret is replaced whole; every other name and
 * value is redacted before decoding (a '+' in a secret) and after. The dashboard, the export and "Copy as
 * cURL" show the query from this column only (the path column never holds one).
 */
export function redactQuery(url: URL): Record<string, string> {
  const params = new URLSearchParams(url.search.replace(SECRET_VALUES, REDACTED));
  const out: Record<string, string> = {};
  params.forEach((value, name) => {
    out[redactText(name)] = isSecretName(name, true) ? REDACTED : redactText(value);
  });
  return out;
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [redactText(k), isSecretName(k) && v !== null ? REDACTED : redactValue(v)]),
    );
  }
  return typeof value === "string" ? redactText(value) : value;
}

// In a body that is not JSON: "name": "value" (a string, possibly cut off by the end of the text, or a bare
// number or word), as in truncated JSON…
const JSON_PAIR = /"((?:[^"\\]|\\.)*)"(\s*:\s*)("(?:[^"\\]|\\.)*(?:"|$)|\[REDACTED\]|[^\s,}\]"]+)/g;
// …name=value and name: value (form-encoded, YAML, log lines)…
const LOOSE_PAIR = /(^|[^\w%.[\]-])([\w%.[\]-]+)(\s*[:=]\s*)(\[REDACTED\]|'[^'\r\n]*'?|"[^"\r\n]*"?|[^\s&;,'"}\]]+)/g;
// …a multipart field: its headers, a blank line, then its value…
const MULTIPART_FIELD = /(name="([^"]*)"[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n)([^\r\n]*)/g;
// …and, whatever names them, e-mail addresses and runs of 4–10 digits (a PIN's shape).
const EMAIL = /[^\s@"'<>,;:()[\]{}=&?/]+@[^\s@"'<>,;:()[\]{}=&?/]+\.[a-z]{2,}/gi;
const PIN_LIKE = /(?<![0-9A-Za-z])[0-9]{4,10}(?![0-9A-Za-z])/g;

function jsonName(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** A body that did not parse as JSON: every secret the name rule can attribute, then everything shaped like one. */
export function redactLooseText(text: string): string {
  // Kept decoded (up to three layers), so an encoded address or name is seen as what it spells.
  let plain = redactText(text);
  for (let layer = 0; layer < 3 && plain.includes("%"); layer++) plain = decodeOnce(plain);
  return plain
    .replace(JSON_PAIR, (pair, name: string, colon: string) => (isSecretName(jsonName(name)) ? `"${name}"${colon}"${REDACTED}"` : pair))
    .replace(LOOSE_PAIR, (pair, before: string, name: string, equals: string) =>
      isSecretName(decodeOnce(name), true) ? `${before}${name}${equals}${REDACTED}` : pair,
    )
    .replace(MULTIPART_FIELD, (field, head: string, name: string) => (isSecretName(name, true) ? `${head}${REDACTED}` : field))
    .replace(EMAIL, REDACTED)
    .replace(PIN_LIKE, REDACTED);
}

export function cut(text: string): string {
  if (Buffer.byteLength(text) <= BODY_LIMIT) return text;
  const head = Buffer.from(text)
    .subarray(0, BODY_LIMIT)
    .toString("utf8")
    .replace(/\uFFFD$/, "");
  return `${head}…[truncated: ${Buffer.byteLength(text)} bytes in all]`;
}

// A name=value pair whose name holds a secret word's letters (a form body, a URL inside JSON).
const SECRET_PAIR_HINT = /(?:pass|pwd|pin|otp|cvc|cvv|secret|token|sig|auth|credential|key|card|session|code)[\w.[\]-]*\s*=/i;

/**
 * A body for the log, cut at 32 KB. JSON is redacted member by member. Anything else (form-encoded, a
 * truncated or broken JSON text) gets `redactLooseText`. `source` "server" marks our own answers: JSON we
 * wrote, so a body with nothing that hints at a secret is kept as it is without parsing it.
 */
export function redactBody(text: string, source: "client" | "server" = "client"): string | null {
  if (!text) return null;
  // Most bodies (a page of 25 reservations is 16 KB) hold nothing to redact, which one scan shows:
  // no secret value, no member or pair named like a secret, nothing percent-encoded or \u-escaped that
  // could spell either.
  const hinted =
    HAS_SECRET.test(text) || SECRET_MEMBER_HINT.test(text) || SECRET_PAIR_HINT.test(text) || text.includes("%") || text.includes("\\u");
  if (!hinted && source === "server") return cut(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return cut(redactLooseText(text));
  }
  return cut(hinted ? JSON.stringify(redactValue(parsed)) : text);
}

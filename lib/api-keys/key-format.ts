// The key itself: `pms_live_` or `pms_test_`, 30 base62 characters from the OS's secure random source
// (about 178 bits), then a 6-character CRC32 checksum in base62, as GitHub's tokens carry. The
// checksum lets us refuse a typo or a random string without a database lookup, and lets secret
// scanners recognise our keys with few false positives. Only the SHA-256 of a key is stored.
import { createHash, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

export type KeyMode = "LIVE" | "TEST";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
export const KEY_PATTERN = /^pms_(live|test)_([0-9A-Za-z]{30})([0-9A-Za-z]{6})$/;

export const prefixFor = (mode: KeyMode) => (mode === "LIVE" ? "pms_live_" : "pms_test_");

export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 × 62: dropping larger bytes keeps every character equally likely.
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

function base62(value: number, width: number): string {
  let out = "";
  let rest = value >>> 0;
  while (rest > 0) {
    out = ALPHABET[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, "0");
}

function checksum(body: string): string {
  return base62(crc32(body), CHECKSUM_LENGTH);
}

export function generateApiKey(mode: KeyMode): string {
  const body = prefixFor(mode) + randomBase62(RANDOM_LENGTH);
  return body + checksum(body);
}

/** The key's mode when it is well-formed and its checksum holds; null for anything else. */
export function parseApiKey(candidate: string): { mode: KeyMode } | null {
  const match = KEY_PATTERN.exec(candidate);
  if (!match) return null;
  const body = candidate.slice(0, candidate.length - CHECKSUM_LENGTH);
  if (checksum(body) !== candidate.slice(-CHECKSUM_LENGTH)) return null;
  return { mode: match[1] === "live" ? "LIVE" : "TEST" };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function maskApiKey(mode: KeyMode, last4: string): string {
  return `${prefixFor(mode)}••••••••${last4}`;
}

// Two-factor sign-in with an authenticator app: TOTP (RFC 6238, 30-second steps, 6 digits) through otplib,
// and ten single-use recovery codes. A code is accepted once: the step it matched is stored and any code
// of that step or an earlier one is refused afterwards (RFC 6238 §5.2).
import { createHash, randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";

export const TOTP_PERIOD_SECONDS = 30;
/** One step either side: a phone clock 30 s off still works. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "PMS";

export function newTwoFactorSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(email: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

/** The setup key grouped by four for typing by hand. */
export function formatSetupKey(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

const SIX_DIGITS = /^\d{6}$/;

/** The time step the code matched, or null; `afterStep` refuses a code already used. */
export async function verifyTotp(secret: string, code: string, afterStep: number | null, now = new Date()): Promise<number | null> {
  const token = code.replace(/\s+/g, "");
  if (!SIX_DIGITS.test(token)) return null;
  try {
    const result = await verify({
      secret,
      token,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    // otplib throws when the last used step lies beyond the window (clocks of two instances apart): not a valid code.
    return null;
  }
}

// Crockford-style alphabet without look-alikes; 10 characters = 50 bits each.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function recoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
}

/**
 * A recovery code as typed, in the form it is hashed in: case, spaces and dashes (any kind, anywhere:
 * "ABCDE FGHJK", "abcde - fghjk", a phone's en dash) do not matter, as they do not when it is read aloud.
 */
export function normalRecoveryCode(text: string): string {
  return text.toLowerCase().replace(/[\s\-\u2010-\u2015\u2212]+/g, "");
}

/** The stored form of a recovery code. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(`recovery:${normalRecoveryCode(code)}`)
    .digest("hex");
}

/** Does the typed text look like a recovery code (rather than a 6-digit TOTP code)? Judged in its normal form. */
export function looksLikeRecoveryCode(text: string): boolean {
  return /^[a-z0-9]{10}$/.test(normalRecoveryCode(text));
}

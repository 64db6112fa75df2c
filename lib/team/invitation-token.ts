// An invitation link's secret: 32 random bytes in the URL, only their SHA-256 in the database, so a copy
// of the database (or a backup) holds no link that works.
import { createHash, randomBytes } from "node:crypto";

export const INVITATION_VALID_DAYS = 7;

/** 32 bytes in base64url: 43 characters of [A-Za-z0-9_-]. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether `value` could be a token at all: anything else names no invitation without a query. */
export function isInvitationToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function invitationLink(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}/invite/${token}`;
}

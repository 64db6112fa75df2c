// Who is calling: the key in `Authorization: Bearer …` (or `user-api-key: …`), checked for format and
// checksum before any lookup, then for revocation, expiry and the property's plan. Every refusal of an
// unknown, malformed or mistyped key is the same "Invalid credentials", so keys cannot be enumerated;
// and an address whose well-formed keys keep being unknown is refused (429) after 20 a minute.
import { parseApiKey } from "../api-keys/key-format";
import { keyRefusal } from "../api-keys/key-status";
import { findApiKey, mayBeAKey, type VerifiedKey } from "../api-keys/verify-api-key";
import { findPartner, type VerifiedPartner } from "../partners/partners";
import { AppError, type ErrorCode } from "../errors/app-error";
import { clientIp } from "../http/client-ip";
import { assertPlanIncludesApi } from "../properties/plan";
import {
  FAILED_AUTH_BURST,
  failedAuthHeaders,
  failedAuthenticationsExhausted,
  recordFailedAuthentication,
  type FailedAuthState,
} from "../rate-limits/limit-failed-authentications";

export const MESSAGES = {
  missing: "Missing or malformed Authorization header. Use: Bearer pms_live_xxx",
  invalid: "Invalid credentials",
  revoked: "API key has been revoked. Contact your property admin for a new key.",
  expired: "API key has expired. Contact your property admin for a new key.",
  plan: "API access needs the PRO plan. The property's admin can upgrade it.",
  partnerRequired:
    "This property accepts API keys only together with a valid partner key: send your integration's partner key as X-Api-Key.",
  partnerInvalid: "Invalid partner key (X-Api-Key).",
} as const;

/** A refused authentication with the failed-authentication limit's headers for its answer. */
export class AuthenticationRefused extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly headers: Record<string, string>,
  ) {
    super(code, message);
  }
}

function tooManyFailures(state: FailedAuthState): AuthenticationRefused {
  return new AuthenticationRefused(
    "RATE_LIMITED",
    `Too many failed authentications from this address (${FAILED_AUTH_BURST} a minute). Retry after ${state.retryAfter} s.`,
    failedAuthHeaders(state),
  );
}

function credentialFrom(headers: Headers): string {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer +(\S+) *$/i.exec(authorization);
    if (!match) throw new AppError("UNAUTHORIZED", MESSAGES.missing);
    return match[1]!;
  }
  const alternative = headers.get("user-api-key")?.trim();
  if (alternative) return alternative;
  throw new AppError("UNAUTHORIZED", MESSAGES.missing);
}

/**
 * The key a request authenticates with. `onIdentified` sees the key as soon as it is known, even
 * when it is then refused (revoked, expired, plan), so the refusal can still be attributed.
 */
export async function authenticate(request: Request, onIdentified?: (key: VerifiedKey) => void): Promise<VerifiedKey> {
  const credential = credentialFrom(request.headers);
  if (!parseApiKey(credential)) throw new AppError("UNAUTHORIZED", MESSAGES.invalid);
  const ip = clientIp(request);
  // A known address over its limit is refused before the lookup. Unknown addresses share one bucket: once it
  // is spent (20 failures a minute on this instance), only credentials that may be a working key (seen valid
  // here, or among the keys read from the database at most 30 s ago, one read per 30 s) are still looked up, so
  // a flood of made-up keys costs no query per request and cannot lock a working integration out.
  const exhausted = failedAuthenticationsExhausted(ip);
  if (exhausted && (ip !== null || !(await mayBeAKey(credential)))) throw tooManyFailures(exhausted);
  const key = await findApiKey(credential);
  if (!key) {
    const state = recordFailedAuthentication(ip);
    if (!state.allowed) throw tooManyFailures(state);
    throw new AuthenticationRefused("UNAUTHORIZED", MESSAGES.invalid, failedAuthHeaders(state));
  }
  onIdentified?.(key);
  const refusal = keyRefusal(key);
  if (refusal === "KEY_REVOKED") throw new AppError("KEY_REVOKED", MESSAGES.revoked);
  if (refusal === "KEY_EXPIRED") throw new AppError("KEY_EXPIRED", MESSAGES.expired);
  assertPlanIncludesApi(key.property, MESSAGES.plan);
  return key;
}

/**
 * The key a request carries when we know it, refusing nothing: for requests no operation serves (an
 * unknown path, a wrong method), which are answered the same either way but logged when attributable.
 * Unknown keys count against the address's failed authentications, as in `authenticate`.
 */
export async function recogniseKey(request: Request): Promise<VerifiedKey | null> {
  let credential: string;
  try {
    credential = credentialFrom(request.headers);
  } catch {
    return null;
  }
  if (!parseApiKey(credential)) return null;
  const ip = clientIp(request);
  if (failedAuthenticationsExhausted(ip) && (ip !== null || !(await mayBeAKey(credential)))) return null;
  const key = await findApiKey(credential);
  if (!key) recordFailedAuthentication(ip);
  return key;
}

/**
 * The integration partner named by X-Api-Key, if any. A property that requires one refuses keys sent
 * without a valid partner key; elsewhere a partner key is optional, but a wrong one is refused.
 */
export async function identifyPartner(request: Request, key: VerifiedKey): Promise<VerifiedPartner | null> {
  const header = request.headers.get("x-api-key")?.trim();
  const partner = header ? await findPartner(header) : null;
  if (key.property.requirePartnerKey && !partner) throw new AppError("PARTNER_KEY_REQUIRED", MESSAGES.partnerRequired);
  if (header && !partner) throw new AppError("UNAUTHORIZED", MESSAGES.partnerInvalid);
  return partner;
}

import "server-only";
// Signing in: throttled per account and IP, the password, then the second factor for users who have one,
// then a server-side session. Every outcome is an audit event. No answer tells "no such email" from
// "wrong password", and a wrong code gets the same answer as a wrong password. The form asks
// checkSignInPassword first (POST /api/auth/sign-in-step), so a right password is never a failed request.
import bcrypt from "bcryptjs";
import { z } from "zod";
import { recordAuditEvent, signInActor, userActor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { storableCopy } from "../db/storable-text";
import { settleSignInAttempt, takeSignInAttempt } from "./sign-in-throttle";
import { startUserSession, type ClientInfo } from "./user-sessions";
import { verifySecondFactor } from "./verify-second-factor";

const credentials = z.object({
  email: z.string().trim().toLowerCase().max(320).email(),
  password: z.string().min(1).max(200),
  code: z.string().trim().max(40).optional(),
});

/**
 * A refusal is answered no sooner than this after the attempt began. One bcrypt comparison on either path
 * leaves the row read, the audit insert and the scheduler to differ between a known and an unknown email
 * (an outside review measured 8 ms); waiting out a floor well above all of them leaves nothing to time.
 */
export const REFUSAL_FLOOR_MS = 250;

const globalForSignIn = globalThis as unknown as { __pmsRefusalFloorMs?: number };

/** Sets this process's floor; the unit tests, which refuse hundreds of sign-ins to count them, set 0. */
export function configureRefusalFloor(ms: number | undefined): void {
  globalForSignIn.__pmsRefusalFloorMs = ms;
}

async function atTheFloor(startedAt: number): Promise<void> {
  const left = (globalForSignIn.__pmsRefusalFloorMs ?? REFUSAL_FLOOR_MS) - (performance.now() - startedAt);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}

// Compared against when the email is unknown, so both paths cost one bcrypt comparison.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.ixX0y6X6sB/5nN6m0T0eE4t7cKXK";

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string }; sessionId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "two_factor_required" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

async function audit(action: string, email: string, userId: string | null, metadata: Record<string, string | null>) {
  await recordAuditEvent(db, {
    propertyId: null,
    actor: signInActor(email, userId),
    action,
    targetType: "user",
    targetId: userId,
    metadata,
  });
}

/** The first half of every sign-in: parsed, throttled, the password compared (one bcrypt either way), failures audited. */
async function checkPassword(input: unknown, client: ClientInfo, now: Date) {
  const startedAt = performance.now();
  const parsed = credentials.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" } as const;
  const { email, password } = parsed.data;
  const code = parsed.data.code || undefined;
  const keys = { email, ip: client.ip };
  // Where the attempt came from, as the audit log shows it (a user agent is whatever the client wrote).
  const where = storableCopy({ ip: client.ip, userAgent: client.userAgent?.slice(0, 200) ?? null });

  const retryAfterSeconds = await takeSignInAttempt(keys, now);
  if (retryAfterSeconds > 0) {
    await audit("user.sign_in_throttled", email, null, where);
    return { ok: false, reason: "throttled", retryAfterSeconds } as const;
  }

  const user = await db.user.findUnique({ where: { email } });
  const passwordOk = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !passwordOk) {
    await audit("user.sign_in_failed", email, user?.id ?? null, { ...where, reason: "password" });
    await atTheFloor(startedAt);
    return { ok: false, reason: "invalid" } as const;
  }
  return { ok: true, user, email, code, keys, where, startedAt } as const;
}

export type PasswordStepOutcome =
  { ok: true; next: "code" | "sign_in" } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * The sign-in form's first step: is the password right, and if so, is a code needed next? It starts no
 * session (the form then signs in through next-auth, with the code when one is needed). A right password is
 * audited, and gives its try back only when the code comes next, as signIn does before asking for it. Whether the account has 2FA is told only
 * after the password was verified; a wrong password and an unknown email get the same answer at the same cost.
 */
export async function checkSignInPassword(input: unknown, client: ClientInfo, now = new Date()): Promise<PasswordStepOutcome> {
  const checked = await checkPassword(input, client, now);
  if (!checked.ok) return checked;
  const next = checked.user.twoFactorEnabledAt ? "code" : "sign_in";
  // A right password is on the record like any sign-in attempt, so pairs cannot be tried out unseen.
  await audit("user.sign_in_password_verified", checked.email, checked.user.id, { ...checked.where, next });
  // Given back only when the code comes next (as signIn does); "sign_in" next keeps the try counted until
  // that sign-in succeeds (and clears the count), so this step alone cannot confirm passwords for free.
  if (next === "code") await settleSignInAttempt(checked.keys, "refund");
  return { ok: true, next };
}

export async function signIn(input: unknown, client: ClientInfo, now = new Date()): Promise<SignInOutcome> {
  const checked = await checkPassword(input, client, now);
  if (!checked.ok) return checked;
  const { user, email, code, keys, where, startedAt } = checked;

  let method = "password";
  if (user.twoFactorEnabledAt) {
    if (!code) {
      // The password was right: this try is given back, and the code comes with the next one.
      await settleSignInAttempt(keys, "refund");
      return { ok: false, reason: "two_factor_required" };
    }
    const factor = await verifySecondFactor(user, code, now);
    if (!factor) {
      await audit("user.sign_in_failed", email, user.id, { ...where, reason: "two_factor" });
      await atTheFloor(startedAt);
      return { ok: false, reason: "invalid" };
    }
    method = factor;
  }

  await settleSignInAttempt(keys, "success");
  const session = await startUserSession(user.id, client, now);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  await recordAuditEvent(db, {
    propertyId: null,
    actor: userActor(user),
    action: "user.signed_in",
    targetType: "user",
    targetId: user.id,
    metadata: { ...where, method },
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name }, sessionId: session.id };
}

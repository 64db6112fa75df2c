import "server-only";
// Sudo mode, as GitHub has it: actions that hand out or change credentials (creating or rolling a key,
// revealing or rotating a signing secret, changing limits, team changes, turning 2FA off) need the
// password or a 2FA code entered in this session within the last ten minutes. Confirming is throttled
// like signing in, and audited.
import bcrypt from "bcryptjs";
import { recordAuditEvent, userActor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors/app-error";
import { getCurrentSession } from "./current-session";
import { settleSignInAttempt, takeSignInAttempt, tooManyAttemptsMessage } from "./sign-in-throttle";
import type { ClientInfo, LiveSession } from "./user-sessions";
import { verifySecondFactor } from "./verify-second-factor";

/** Ten minutes unless SUDO_WINDOW_SECONDS says otherwise. */
export const sudoWindowMs = () => env().SUDO_WINDOW_SECONDS * 1000;

export function isRecentlyAuthenticated(session: { reauthenticatedAt: Date }, now = new Date(), windowMs = sudoWindowMs()): boolean {
  return now.getTime() - session.reauthenticatedAt.getTime() <= windowMs;
}

export const REAUTHENTICATION_MESSAGE = "Confirm your password to continue: this action needs it entered in the last few minutes.";

/** The live session, if its password (or code) was entered within the window; else REAUTHENTICATION_REQUIRED. */
export async function requireRecentAuthentication(now = new Date()): Promise<LiveSession> {
  const session = await getCurrentSession();
  if (!session) throw new AppError("UNAUTHORIZED", "Sign in first.");
  if (!isRecentlyAuthenticated(session, now)) throw new AppError("REAUTHENTICATION_REQUIRED", REAUTHENTICATION_MESSAGE);
  return session;
}

/**
 * Confirms the session's user with their password or a 2FA code (TOTP or recovery code) and opens the
 * sudo window. A wrong answer counts as a failed sign-in for the account and address.
 */
export async function confirmIdentity(
  session: Pick<LiveSession, "id" | "userId">,
  answer: { password?: string; code?: string },
  client: ClientInfo,
  now = new Date(),
): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: session.userId } });
  const keys = { email: user.email, ip: client.ip };
  const wait = await takeSignInAttempt(keys, now);
  if (wait > 0) throw new AppError("RATE_LIMITED", tooManyAttemptsMessage(wait));

  let method: string | null = null;
  if (answer.password) method = (await bcrypt.compare(answer.password, user.passwordHash)) ? "password" : null;
  else if (answer.code) method = await verifySecondFactor(user, answer.code, now);

  if (!method) {
    await recordAuditEvent(db, {
      propertyId: null,
      actor: userActor(user),
      action: "user.sudo_failed",
      targetType: "user",
      targetId: user.id,
    });
    throw new AppError("VALIDATION_ERROR", answer.password ? "That password is not right." : "That code is not right.", {
      [answer.password ? "password" : "code"]: [answer.password ? "That password is not right." : "That code is not right."],
    });
  }
  await settleSignInAttempt(keys, "success");
  await db.userSession.update({ where: { id: session.id }, data: { reauthenticatedAt: now } });
  await recordAuditEvent(db, {
    propertyId: null,
    actor: userActor(user),
    action: "user.sudo_confirmed",
    targetType: "user",
    targetId: user.id,
    metadata: { method },
  });
}

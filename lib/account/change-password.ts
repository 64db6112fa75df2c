import "server-only";
// Changing the password: the current one first (a wrong one counts as a failed sign-in, so this form is
// no way around the throttle), then every other session ends: whoever else held a session, perhaps the
// reason for the change, is out on their next request.
import bcrypt from "bcryptjs";
import { db } from "../db/client";
import { settleSignInAttempt, takeSignInAttempt, tooManyAttemptsMessage } from "../auth/sign-in-throttle";
import { revokeOtherUserSessions } from "../auth/user-sessions";
import { AppError } from "../errors/app-error";
import { auditAccountEvent, type AccountChange } from "./account-change";
import type { ChangePasswordInput } from "./schemas";

const BCRYPT_COST = 10;
const WRONG_PASSWORD = "That password is not right.";

/** Returns how many other sessions were signed out. */
export async function changePassword(change: AccountChange, input: ChangePasswordInput, now = new Date()): Promise<number> {
  const user = await db.user.findUniqueOrThrow({ where: { id: change.userId } });
  const keys = { email: user.email, ip: change.client.ip };
  const wait = await takeSignInAttempt(keys, now);
  if (wait > 0) throw new AppError("RATE_LIMITED", tooManyAttemptsMessage(wait));

  if (!(await bcrypt.compare(input.currentPassword, user.passwordHash))) {
    await auditAccountEvent(db, change, "user.password_change_failed");
    throw new AppError("VALIDATION_ERROR", WRONG_PASSWORD, { currentPassword: [WRONG_PASSWORD] });
  }

  await settleSignInAttempt(keys, "success");
  const passwordHash = await bcrypt.hash(input.newPassword, BCRYPT_COST);
  // The password first, the sessions after: in between nobody can sign in with the old password, and
  // whatever session exists by then is ended.
  await db.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now } });
  const revoked = await revokeOtherUserSessions(user.id, change.sessionId, now);
  // Typing the current password is as good as confirming access.
  await db.userSession.update({ where: { id: change.sessionId }, data: { reauthenticatedAt: now } });
  await auditAccountEvent(db, change, "user.password_changed", { metadata: { otherSessionsRevoked: revoked } });
  return revoked;
}

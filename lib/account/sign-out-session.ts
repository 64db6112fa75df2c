import "server-only";
// "Sign out" on one of the user's other sessions: that browser is signed out on its next request.
import { revokeUserSession } from "../auth/user-sessions";
import { db } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { auditAccountEvent, type AccountChange } from "./account-change";

export async function signOutSession(change: AccountChange, sessionId: string, now = new Date()): Promise<void> {
  // This session ends with the Sign out button, which also clears the cookie.
  if (sessionId === change.sessionId) throw new AppError("INVALID_STATE", "Use Sign out to end the session on this device.");
  // Scoped to the user: someone else's session id is "not found", whatever it is.
  if (!(await revokeUserSession(change.userId, sessionId, now))) throw notFound("Session");
  await auditAccountEvent(db, change, "user.session_revoked", { sessionId });
}

import "server-only";
// "Sign out of all other sessions": every browser but this one is signed out on its next request.
import { revokeOtherUserSessions } from "../auth/user-sessions";
import { db } from "../db/client";
import { auditAccountEvent, type AccountChange } from "./account-change";

/** Returns how many sessions were ended. */
export async function signOutOtherSessions(change: AccountChange, now = new Date()): Promise<number> {
  const count = await revokeOtherUserSessions(change.userId, change.sessionId, now);
  await auditAccountEvent(db, change, "user.other_sessions_revoked", { metadata: { count } });
  return count;
}

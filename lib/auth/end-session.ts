import "server-only";
import type { JWT } from "next-auth/jwt";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";

/** Sign-out: the session record named by the cookie's token is ended and the sign-out audited. */
export async function endSessionOfToken(token: JWT | null | undefined): Promise<void> {
  const sessionId = token?.sid;
  const userId = token?.sub;
  if (!sessionId || !userId) return;
  const { count } = await db.userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) return;
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true } });
  const actor: Actor = { type: "USER", id: userId, label: user ? `${user.name} <${user.email}>` : userId };
  await recordAuditEvent(db, { propertyId: null, actor, action: "user.signed_out", targetType: "user_session", targetId: sessionId });
}

import "server-only";
// Who changes their own account, from where, and the audit trail every such change leaves.
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import type { DbTx, Prisma } from "../db/client";
import type { ClientInfo } from "../auth/user-sessions";

export interface AccountChange {
  userId: string;
  /** The session the change is made from (kept when the others are signed out). */
  sessionId: string;
  actor: Actor;
  client: ClientInfo;
}

/** An account event: no property, the user (or the session named) as target, the client's address kept. */
export async function auditAccountEvent(
  tx: DbTx,
  change: AccountChange,
  action: string,
  { sessionId, metadata = {} }: { sessionId?: string; metadata?: Record<string, Prisma.InputJsonValue | null> } = {},
): Promise<void> {
  await recordAuditEvent(tx, {
    propertyId: null,
    actor: change.actor,
    action,
    targetType: sessionId ? "user_session" : "user",
    targetId: sessionId ?? change.userId,
    metadata: { ip: change.client.ip, userAgent: change.client.userAgent?.slice(0, 200) ?? null, ...metadata },
  });
}

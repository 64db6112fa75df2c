import type { DbTx, Prisma } from "../db/client";
import type { ActorType } from "../db/generated/prisma/enums";

/** Who acted: a signed-in user, an API key, or the system itself. */
export interface Actor {
  type: ActorType;
  id: string | null;
  label: string;
}

export function userActor(user: { id: string; name: string; email: string }): Actor {
  return { type: "USER", id: user.id, label: `${user.name} <${user.email}>` };
}

export function apiKeyActor(key: { id: string; name: string; last4: string }): Actor {
  return { type: "API_KEY", id: key.id, label: `API key “${key.name}” (…${key.last4})` };
}

/** Someone signing in who is not (yet) known to be a user: the email they typed. */
export function signInActor(email: string, userId: string | null): Actor {
  return { type: "USER", id: userId, label: email.slice(0, 200) };
}

export async function recordAuditEvent(
  tx: DbTx,
  event: {
    /** Null for account events (sign-in, 2FA, password, sessions): they belong to the user, not a property. */
    propertyId: string | null;
    actor: Actor;
    action: string;
    targetType: string;
    targetId?: string | null;
    metadata?: Prisma.InputJsonValue;
  },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      propertyId: event.propertyId,
      actorType: event.actor.type,
      actorId: event.actor.id,
      actorLabel: event.actor.label,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId ?? null,
      metadata: event.metadata ?? {},
    },
  });
}

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

export async function recordAuditEvent(
  tx: DbTx,
  event: {
    propertyId: string;
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

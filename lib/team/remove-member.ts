import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { lockTeam, type TeamContext } from "./lock-team";
import { removalRefusal } from "./team-rules";

/** Takes a member off the property: their account stays, their access to this property ends with their next request. */
export async function removeMember(context: TeamContext, memberId: string) {
  return db.$transaction(async (tx) => {
    const team = await lockTeam(tx, context.propertyId);
    const member = team.members.find((m) => m.id === memberId);
    if (!member) throw notFound("Member");
    const refusal = removalRefusal(team.roleOf(context.actor.id), {
      target: member.role,
      self: member.userId === context.actor.id,
      owners: team.owners,
    });
    if (refusal) throw new AppError("FORBIDDEN", refusal);
    const removed = await tx.membership.delete({ where: { id: member.id }, include: { user: { select: { name: true, email: true } } } });
    await recordAuditEvent(tx, {
      propertyId: context.propertyId,
      actor: context.actor,
      action: "member.removed",
      targetType: "user",
      targetId: member.userId,
      metadata: { email: removed.user.email, role: member.role },
    });
    return { name: removed.user.name };
  });
}

import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { Role } from "../db/generated/prisma/enums";
import { AppError, notFound } from "../errors/app-error";
import { lockTeam, type TeamContext } from "./lock-team";
import { roleChangeRefusal } from "./team-rules";

/** Gives a member another role, under the team's lock: the last owner cannot be demoted, even by two owners at once. */
export async function changeMemberRole(context: TeamContext, input: { memberId: string; role: Role }) {
  return db.$transaction(async (tx) => {
    const team = await lockTeam(tx, context.propertyId);
    const member = team.members.find((m) => m.id === input.memberId);
    if (!member) throw notFound("Member");
    const refusal = roleChangeRefusal(team.roleOf(context.actor.id), {
      target: member.role,
      to: input.role,
      self: member.userId === context.actor.id,
      owners: team.owners,
    });
    if (refusal) throw new AppError("FORBIDDEN", refusal);
    const updated = await tx.membership.update({
      where: { id: member.id },
      data: { role: input.role },
      include: { user: { select: { name: true, email: true } } },
    });
    await recordAuditEvent(tx, {
      propertyId: context.propertyId,
      actor: context.actor,
      action: "member.role_changed",
      targetType: "user",
      targetId: member.userId,
      metadata: { email: updated.user.email, from: member.role, to: input.role },
    });
    return { name: updated.user.name, role: updated.role };
  });
}

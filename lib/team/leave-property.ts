import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { lockTeam, type TeamContext } from "./lock-team";
import { leaveRefusal } from "./team-rules";

/** The acting member leaves the property; the last owner may not (nobody would be left to run it). */
export async function leaveProperty(context: TeamContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const team = await lockTeam(tx, context.propertyId);
    const role = team.roleOf(context.actor.id);
    const refusal = leaveRefusal({ role, owners: team.owners });
    if (refusal) throw new AppError("INVALID_STATE", refusal);
    await tx.membership.deleteMany({ where: { propertyId: context.propertyId, userId: context.actor.id! } });
    await recordAuditEvent(tx, {
      propertyId: context.propertyId,
      actor: context.actor,
      action: "member.left",
      targetType: "user",
      targetId: context.actor.id,
      metadata: { role },
    });
  });
}

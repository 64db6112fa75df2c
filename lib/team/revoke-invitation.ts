import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { lockTeam, type TeamContext } from "./lock-team";
import { inviteRefusal } from "./team-rules";

/** Stops a pending invitation's link from working. Whoever may invite a role may take that invitation back. */
export async function revokeInvitation(context: TeamContext, invitationId: string): Promise<{ email: string }> {
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    const team = await lockTeam(tx, context.propertyId);
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, propertyId: context.propertyId } });
    if (!invitation) throw notFound("Invitation");
    const refusal = inviteRefusal(team.roleOf(context.actor.id), invitation.role);
    if (refusal) throw new AppError("FORBIDDEN", refusal);
    const revoked = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (revoked.count !== 1) throw new AppError("INVALID_STATE", "This invitation was already accepted or revoked.");
    await recordAuditEvent(tx, {
      propertyId: context.propertyId,
      actor: context.actor,
      action: "member.invitation_revoked",
      targetType: "invitation",
      targetId: invitation.id,
      metadata: { email: invitation.email, role: invitation.role },
    });
    return { email: invitation.email };
  });
}

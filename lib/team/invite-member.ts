import "server-only";
// Invites someone by email with a role: a single-use link valid for 7 days. Inviting an address that
// already has a pending invitation replaces it (the old link stops working). The link is returned to
// be shown once, and mailed when SMTP_URL is set; a mail that cannot be sent loses nothing.
import type { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { Role } from "../db/generated/prisma/enums";
import { env } from "../env";
import { AppError } from "../errors/app-error";
import { invitationMail } from "../mail/invitation-mail";
import { sendMail } from "../mail/send-mail";
import { INVITATION_VALID_DAYS, invitationLink, newInvitationToken } from "./invitation-token";
import { lockTeam, type TeamContext } from "./lock-team";
import type { inviteMemberInput } from "./schemas";
import { inviteRefusal } from "./team-rules";

export interface InviteContext extends TeamContext {
  /** Where the app is reached, e.g. https://pms.example.com: the link starts with it. */
  origin: string;
  /** The mail server; unset: SMTP_URL (tests pass their own). */
  smtpUrl?: string;
}

export interface SentInvitation {
  id: string;
  email: string;
  role: Role;
  link: string;
  expiresAt: Date;
  /** "sent", "failed" (the link must be passed on by hand), or "off" (no SMTP_URL). */
  mail: "sent" | "failed" | "off";
}

export async function inviteMember(context: InviteContext, input: z.output<typeof inviteMemberInput>): Promise<SentInvitation> {
  const now = context.now ?? new Date();
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(now.getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);

  const { invitation, propertyName, inviterName } = await db.$transaction(async (tx) => {
    const team = await lockTeam(tx, context.propertyId);
    const refusal = inviteRefusal(team.roleOf(context.actor.id), input.role);
    if (refusal) throw new AppError("FORBIDDEN", refusal);
    const member = await tx.membership.findFirst({ where: { propertyId: context.propertyId, user: { email: input.email } } });
    if (member) throw new AppError("CONFLICT", `${input.email} is already a member of this property.`, { email: ["Already a member."] });

    // Re-inviting replaces the pending invitation, but never one the actor could not have sent (an admin
    // must not quietly swap an owner's ADMIN invitation for a STAFF one).
    const pending = await tx.invitation.findMany({
      where: { propertyId: context.propertyId, email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { role: true },
    });
    if (pending.some((old) => inviteRefusal(team.roleOf(context.actor.id), old.role) !== null)) {
      throw new AppError("CONFLICT", `${input.email} has a pending invitation as a role you cannot change; ask an owner.`, {
        email: ["Has a pending invitation you cannot replace."],
      });
    }
    const replaced = await tx.invitation.updateMany({
      where: { propertyId: context.propertyId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const created = await tx.invitation.create({
      data: {
        propertyId: context.propertyId,
        email: input.email,
        role: input.role,
        tokenHash,
        invitedById: context.actor.id,
        createdAt: now,
        expiresAt,
      },
      include: { property: { select: { name: true } }, invitedBy: { select: { name: true } } },
    });
    await recordAuditEvent(tx, {
      propertyId: context.propertyId,
      actor: context.actor,
      action: "member.invited",
      targetType: "invitation",
      targetId: created.id,
      metadata: { email: input.email, role: input.role, expiresAt: expiresAt.toISOString(), replacedInvitations: replaced.count },
    });
    return { invitation: created, propertyName: created.property.name, inviterName: created.invitedBy?.name ?? context.actor.label };
  });

  const link = invitationLink(context.origin, token);
  const sent = { id: invitation.id, email: invitation.email, role: invitation.role, link, expiresAt };
  const smtpUrl = context.smtpUrl ?? env().SMTP_URL;
  if (!smtpUrl) return { ...sent, mail: "off" };
  try {
    await sendMail(invitationMail({ to: input.email, propertyName, inviterName, role: input.role, link, expiresAt }), smtpUrl);
    return { ...sent, mail: "sent" };
  } catch (error) {
    // The invitation stands: the inviter is shown the link and told the mail did not go out.
    console.error("invitation mail could not be sent:", error instanceof Error ? error.message : error);
    return { ...sent, mail: "failed" };
  }
}

import "server-only";
// Accepting an invitation: by the signed-in user the invitation names, or by someone new who sets a
// name and password here. Either way the membership and the invitation's single use are one
// transaction, and of two accepts racing on one link exactly one wins.
import bcrypt from "bcryptjs";
import { recordAuditEvent, userActor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { invitationState, type InvitationState } from "./find-invitation";
import { hashInvitationToken, isInvitationToken } from "./invitation-token";
import { lockTeam } from "./lock-team";

// The cost sign-in's unknown-email comparison uses too, so both paths take as long.
const PASSWORD_HASH_COST = 10;

export const INVITATION_UNUSABLE: Record<Exclude<InvitationState, "pending">, string> = {
  expired: "This invitation has expired. Ask whoever invited you to send a new one.",
  accepted: "This invitation has already been used. Each link works once.",
  revoked: "This invitation was withdrawn. Ask whoever invited you to send a new one.",
};

export const UNKNOWN_INVITATION = "This invitation link is not valid. Check that you copied all of it.";

export interface AcceptOptions {
  token: string;
  /** The signed-in user, who must be the one invited; null for someone new. */
  user: { id: string; email: string; name: string } | null;
  /** A new account's name and password (only without a signed-in user). */
  account?: { name: string; password: string };
  now?: Date;
}

/** The property joined, and the email the new member signs in with. */
export async function acceptInvitation(options: AcceptOptions): Promise<{ slug: string; propertyName: string; email: string }> {
  const now = options.now ?? new Date();
  if (!isInvitationToken(options.token)) throw new AppError("NOT_FOUND", UNKNOWN_INVITATION);
  const passwordHash = !options.user && options.account ? await bcrypt.hash(options.account.password, PASSWORD_HASH_COST) : null;

  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashInvitationToken(options.token) },
      include: { property: { select: { slug: true, name: true } } },
    });
    if (!invitation) throw new AppError("NOT_FOUND", UNKNOWN_INVITATION);
    await lockTeam(tx, invitation.propertyId);

    // Single use: only the accept that flips the row from pending gets on; a racing second one counts 0.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) {
      const current = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
      const state = invitationState(current, now);
      throw new AppError("INVALID_STATE", state === "pending" ? INVITATION_UNUSABLE.accepted : INVITATION_UNUSABLE[state]);
    }

    let user = options.user;
    if (user) {
      if (user.email !== invitation.email) {
        throw new AppError("FORBIDDEN", `This invitation is for ${invitation.email}: sign in as ${invitation.email} to accept it.`);
      }
      const member = await tx.membership.findUnique({
        where: { userId_propertyId: { userId: user.id, propertyId: invitation.propertyId } },
      });
      if (member) throw new AppError("CONFLICT", `You are already a member of ${invitation.property.name}.`);
    } else {
      if (!options.account || !passwordHash)
        throw new AppError("VALIDATION_ERROR", "Choose your name and a password to create your account.");
      const existing = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
      if (existing) throw new AppError("CONFLICT", `An account for ${invitation.email} already exists: sign in to accept the invitation.`);
      user = await tx.user.create({
        data: { email: invitation.email, name: options.account.name, passwordHash },
        select: { id: true, email: true, name: true },
      });
    }

    await tx.membership.create({ data: { userId: user.id, propertyId: invitation.propertyId, role: invitation.role } });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: user.id } });
    await recordAuditEvent(tx, {
      propertyId: invitation.propertyId,
      actor: userActor(user),
      action: "member.invitation_accepted",
      targetType: "invitation",
      targetId: invitation.id,
      metadata: { email: invitation.email, role: invitation.role, newAccount: !options.user },
    });
    return { slug: invitation.property.slug, propertyName: invitation.property.name, email: invitation.email };
  });
}

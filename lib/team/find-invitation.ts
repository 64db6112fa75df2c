import "server-only";
import { db } from "../db/client";
import type { Role } from "../db/generated/prisma/enums";
import { hashInvitationToken, isInvitationToken } from "./invitation-token";

export type InvitationState = "pending" | "expired" | "accepted" | "revoked";

export interface FoundInvitation {
  id: string;
  state: InvitationState;
  email: string;
  role: Role;
  expiresAt: Date;
  property: { id: string; slug: string; name: string };
  inviterName: string | null;
  /** Whether an account with the invitation's email exists: it joins by signing in, not by signing up. */
  accountExists: boolean;
}

export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt.getTime() > now.getTime() ? "pending" : "expired";
}

/** The invitation a link's token names, in whatever state; null for a token that names none. */
export async function findInvitation(token: string, now = new Date()): Promise<FoundInvitation | null> {
  if (!isInvitationToken(token)) return null;
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { property: { select: { id: true, slug: true, name: true } }, invitedBy: { select: { name: true } } },
  });
  if (!invitation) return null;
  const account = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    id: invitation.id,
    state: invitationState(invitation, now),
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    property: invitation.property,
    inviterName: invitation.invitedBy?.name ?? null,
    accountExists: account !== null,
  };
}

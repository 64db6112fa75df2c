import "server-only";
import { db } from "../db/client";
import type { Role } from "../db/generated/prisma/enums";

export interface MemberView {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  twoFactorEnabled: boolean;
  lastSignInAt: string | null;
  joinedAt: string;
}

export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
}

const ROLE_ORDER: Record<Role, number> = { OWNER: 0, ADMIN: 1, MANAGER: 2, STAFF: 3 };

/** The property's members (owners first, then by name) and its invitations still waiting to be accepted. */
export async function listTeam(propertyId: string, now = new Date()): Promise<{ members: MemberView[]; invitations: InvitationView[] }> {
  const [memberships, invitations] = await Promise.all([
    db.membership.findMany({
      where: { propertyId },
      include: { user: { select: { name: true, email: true, twoFactorEnabledAt: true, lastSignInAt: true } } },
    }),
    db.invitation.findMany({
      where: { propertyId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      include: { invitedBy: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const members = memberships
    .map((m) => ({
      id: m.id,
      userId: m.userId,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      twoFactorEnabled: m.user.twoFactorEnabledAt !== null,
      lastSignInAt: m.user.lastSignInAt?.toISOString() ?? null,
      joinedAt: m.createdAt.toISOString(),
    }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, "en"));
  return {
    members,
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      invitedBy: i.invitedBy?.name ?? null,
      createdAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
    })),
  };
}

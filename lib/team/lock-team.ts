import type { Actor } from "../audit/record-audit-event";
import type { DbTx } from "../db/client";
import type { Role } from "../db/generated/prisma/enums";
import { AppError, notFound } from "../errors/app-error";

/** Who changes a property's team; `now` lets tests move the clock. */
export interface TeamContext {
  propertyId: string;
  actor: Actor;
  now?: Date;
}

export interface LockedTeam {
  members: { id: string; userId: string; role: Role }[];
  owners: number;
  /** The member acting, as the locked rows have them (not as the page last showed them). */
  roleOf(userId: string | null): Role;
}

/**
 * Locks the property's memberships for the rest of the transaction and reads them. Every team change
 * takes this lock first, so two owners demoting each other at once queue, and the second sees the
 * first's change: the last owner cannot be removed by a race. The property row is locked too, so
 * changes that add a member (an accepted invitation) queue with them.
 */
export async function lockTeam(tx: DbTx, propertyId: string): Promise<LockedTeam> {
  const [property] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Property" WHERE id = ${propertyId} FOR NO KEY UPDATE`;
  if (!property) throw notFound("Property");
  const members = await tx.$queryRaw<{ id: string; userId: string; role: Role }[]>`
    SELECT id, "userId", role::text AS role FROM "Membership" WHERE "propertyId" = ${propertyId} ORDER BY id FOR UPDATE`;
  return {
    members,
    owners: members.filter((member) => member.role === "OWNER").length,
    roleOf(userId) {
      const member = userId === null ? undefined : members.find((m) => m.userId === userId);
      // Removed (or left) since the page was rendered.
      if (!member) throw new AppError("FORBIDDEN", "You are no longer a member of this property.");
      return member.role;
    },
  };
}

import "server-only";
import { db } from "../db/client";
import type { Plan } from "../db/generated/prisma/enums";
import type { OrganizationResource } from "./property-resource";

/** The organization behind a property: its name, plan and the size of its team and rooms. */
export async function getOrganization(property: { id: string; name: string; plan: Plan; createdAt: Date }): Promise<OrganizationResource> {
  const [members, rooms] = await Promise.all([
    db.membership.count({ where: { propertyId: property.id } }),
    db.room.count({ where: { propertyId: property.id } }),
  ]);
  return {
    id: property.id,
    name: property.name,
    plan: property.plan,
    propertyCount: 1,
    memberCount: members,
    roomCount: rooms,
    createdAt: property.createdAt.toISOString(),
  };
}

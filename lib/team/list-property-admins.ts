import "server-only";
import { db } from "../db/client";

/** The owners and admins of a property: whom a member asks for access their role does not give. */
export async function listPropertyAdmins(propertyId: string) {
  const memberships = await db.membership.findMany({
    where: { propertyId, role: { in: ["OWNER", "ADMIN"] } },
    select: { role: true, user: { select: { name: true, email: true } } },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
  });
  return memberships.map((m) => ({ name: m.user.name, email: m.user.email, role: m.role }));
}

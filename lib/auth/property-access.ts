import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db/client";
import { getCurrentUser } from "./current-user";
import { can, type Permission } from "./roles";

/**
 * The signed-in user's membership of the property in the URL. No membership, or no such property,
 * is the same 404: a URL never reveals that a property exists.
 */
export const getPropertyAccess = cache(async (slug: string) => {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/${slug}/reservations`)}`);
  const membership = await db.membership.findFirst({
    where: { userId: user.id, property: { slug } },
    include: { property: true },
  });
  if (!membership) notFound();
  return { user, property: membership.property, role: membership.role };
});

/** The property in the URL if the signed-in user is a member, else null: for metadata, which must not throw. */
export async function findMemberProperty(slug: string) {
  const user = await getCurrentUser();
  if (!user) return null;
  const membership = await db.membership.findFirst({
    where: { userId: user.id, property: { slug } },
    select: { property: { select: { name: true } } },
  });
  return membership?.property ?? null;
}

/** Like getPropertyAccess, and a 403 page when the member's role lacks the permission. */
export async function requirePermission(slug: string, permission: Permission) {
  const access = await getPropertyAccess(slug);
  if (!can[permission](access.role)) forbidden();
  return access;
}

export async function listUserProperties(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { property: { select: { id: true, slug: true, name: true, plan: true, requireTwoFactorForManagers: true } } },
    orderBy: { property: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.property, role: m.role }));
}

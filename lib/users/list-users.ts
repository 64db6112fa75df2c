import "server-only";
import { afterCursor, listQuery, newestFirst, page } from "../db/pagination";
import { db } from "../db/client";
import type { z } from "zod";
import type { UserResource } from "./user-resource";

/** The property's staff: name, email and role; never anything about their credentials. */
export async function listUsers(propertyId: string, query: z.infer<typeof listQuery>) {
  const rows = await db.membership.findMany({
    where: { propertyId, ...afterCursor(query.cursor) },
    orderBy: newestFirst,
    take: query.limit + 1,
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return page(rows, query.limit, (m): UserResource => ({
    id: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    memberSince: m.createdAt.toISOString(),
  }));
}

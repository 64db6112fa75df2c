import "server-only";
import { z } from "zod";
import { afterCursor, listQuery, newestFirst, page } from "../db/pagination";
import { db, type Prisma } from "../db/client";
import { isoInstant } from "../reservations/schemas";
import { serializeGuest } from "./serialize-guest";

export const listGuestsQuery = listQuery.extend({
  email: z.string().trim().toLowerCase().max(200).optional(),
  updatedSince: isoInstant.optional(),
});

/** The property's guests, newest first, filtered, one cursor page at a time. */
export async function listGuests(propertyId: string, query: z.infer<typeof listGuestsQuery>) {
  const where: Prisma.GuestWhereInput = { propertyId, ...afterCursor(query.cursor) };
  if (query.email) where.email = query.email;
  if (query.updatedSince) where.updatedAt = { gte: new Date(query.updatedSince) };
  const rows = await db.guest.findMany({ where, orderBy: newestFirst, take: query.limit + 1 });
  return page(rows, query.limit, serializeGuest);
}

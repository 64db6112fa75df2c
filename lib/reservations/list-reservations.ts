import "server-only";
import { Prisma } from "../db/generated/prisma/client";
import { page } from "../db/pagination";
import { readReservations, serializeReservationRow } from "./read-reservations";
import type { ListReservationsQuery } from "./schemas";

/** The property's reservations, newest first, filtered, one cursor page at a time. */
export async function listReservations(propertyId: string, query: ListReservationsQuery) {
  const conditions: Prisma.Sql[] = [];
  // The keyset of lib/db/pagination.ts (afterCursor, newestFirst): newest first by (createdAt, id).
  if (query.cursor) {
    const at = query.cursor.createdAt.toISOString();
    conditions.push(Prisma.sql`(r."createdAt" < ${at}::timestamp OR (r."createdAt" = ${at}::timestamp AND r.id < ${query.cursor.id}))`);
  }
  if (query.status) conditions.push(Prisma.sql`r.status = ${query.status}::"ReservationStatus"`);
  if (query.arrivalFrom) conditions.push(Prisma.sql`r."arrivalDate" >= ${query.arrivalFrom}::date`);
  if (query.arrivalTo) conditions.push(Prisma.sql`r."arrivalDate" <= ${query.arrivalTo}::date`);
  if (query.updatedSince) conditions.push(Prisma.sql`r."updatedAt" >= ${new Date(query.updatedSince).toISOString()}::timestamp`);
  if (query.guestEmail) conditions.push(Prisma.sql`g.email = ${query.guestEmail}`);
  if (query.code) conditions.push(Prisma.sql`upper(r.code) = upper(${query.code})`);
  const rows = await readReservations(propertyId, conditions, Prisma.sql`ORDER BY r."createdAt" DESC, r.id DESC LIMIT ${query.limit + 1}`);
  return page(rows, query.limit, serializeReservationRow);
}

import "server-only";
import { db, type Prisma } from "../db/client";
import { afterCursor, newestFirst, page } from "../db/pagination";
import { withGuestAndRoom } from "./get-reservation";
import type { ListReservationsQuery } from "./schemas";
import { serializeReservation } from "./serialize-reservation";

/** The property's reservations, newest first, filtered, one cursor page at a time. */
export async function listReservations(propertyId: string, query: ListReservationsQuery) {
  const where: Prisma.ReservationWhereInput = { propertyId, ...afterCursor(query.cursor) };
  if (query.status) where.status = query.status;
  if (query.arrivalFrom || query.arrivalTo) {
    where.arrivalDate = {
      ...(query.arrivalFrom ? { gte: new Date(`${query.arrivalFrom}T00:00:00Z`) } : {}),
      ...(query.arrivalTo ? { lte: new Date(`${query.arrivalTo}T00:00:00Z`) } : {}),
    };
  }
  if (query.updatedSince) where.updatedAt = { gte: new Date(query.updatedSince) };
  if (query.guestEmail) where.guest = { email: query.guestEmail };
  const rows = await db.reservation.findMany({ where, include: withGuestAndRoom, orderBy: newestFirst, take: query.limit + 1 });
  return page(rows, query.limit, serializeReservation);
}

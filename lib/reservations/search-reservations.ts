import "server-only";
import { db, type Prisma } from "../db/client";
import type { SearchReservationsQuery } from "./schemas";

export const RESERVATIONS_PAGE_SIZE = 25;

/** One page of a property's reservations, latest arrival first, searched by guest name or code. */
export async function searchReservations(options: { propertyId: string; query: SearchReservationsQuery }) {
  const { propertyId, query } = options;
  const where: Prisma.ReservationWhereInput = { propertyId };
  if (query.status) where.status = query.status;
  if (query.q) {
    const terms = query.q.split(/\s+/).filter(Boolean).slice(0, 4);
    where.AND = terms.map((term) => ({
      OR: [
        { code: { contains: term, mode: "insensitive" } },
        { guest: { firstName: { contains: term, mode: "insensitive" } } },
        { guest: { lastName: { contains: term, mode: "insensitive" } } },
      ],
    }));
  }
  const [total, rows] = await Promise.all([
    db.reservation.count({ where }),
    db.reservation.findMany({
      where,
      include: {
        guest: { select: { id: true, firstName: true, lastName: true, email: true } },
        room: { select: { number: true, type: true } },
      },
      orderBy: [{ arrivalDate: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * RESERVATIONS_PAGE_SIZE,
      take: RESERVATIONS_PAGE_SIZE,
    }),
  ]);
  return { rows, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / RESERVATIONS_PAGE_SIZE)) };
}

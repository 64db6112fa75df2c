import "server-only";
import { db, type Prisma } from "../db/client";
import { propertyToday } from "./property-today";
import type { ReservationSort, SearchReservationsQuery } from "./schemas";

export const RESERVATIONS_PAGE_SIZE = 25;

const include = {
  guest: { select: { id: true, firstName: true, lastName: true, email: true, erasedAt: true } },
  room: { select: { number: true, type: true } },
} satisfies Prisma.ReservationInclude;

/** Without a chosen order: the front desk's view when nothing is filtered, the latest arrivals when searching. */
export function effectiveSort(query: SearchReservationsQuery): ReservationSort {
  return query.sort ?? (query.q || query.status ? "latest" : "today");
}

/** One page of a property's reservations, searched by guest name or code, in the chosen order. */
export async function searchReservations(options: { propertyId: string; query: SearchReservationsQuery; today?: string }) {
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
  const sort = effectiveSort(query);
  const today = new Date(`${options.today ?? propertyToday("UTC")}T00:00:00Z`);
  // Prisma cannot order by "is today", so the front desk's order is three ranges read one after another.
  const segments: { where: Prisma.ReservationWhereInput; orderBy: Prisma.ReservationOrderByWithRelationInput[] }[] =
    sort === "today"
      ? [
          { where: { ...where, arrivalDate: today }, orderBy: [{ code: "asc" }] },
          { where: { ...where, arrivalDate: { gt: today } }, orderBy: [{ arrivalDate: "asc" }, { id: "asc" }] },
          { where: { ...where, arrivalDate: { lt: today } }, orderBy: [{ arrivalDate: "desc" }, { id: "desc" }] },
        ]
      : [{ where, orderBy: [{ arrivalDate: sort === "latest" ? "desc" : "asc" }, { id: sort === "latest" ? "desc" : "asc" }] }];
  const counts = await Promise.all(segments.map((segment) => db.reservation.count({ where: segment.where })));
  const rows: Prisma.ReservationGetPayload<{ include: typeof include }>[] = [];
  let skip = (query.page - 1) * RESERVATIONS_PAGE_SIZE;
  for (const [index, segment] of segments.entries()) {
    const count = counts[index] ?? 0;
    if (rows.length === RESERVATIONS_PAGE_SIZE) break;
    if (skip >= count) {
      skip -= count;
      continue;
    }
    rows.push(...(await db.reservation.findMany({ ...segment, include, skip, take: RESERVATIONS_PAGE_SIZE - rows.length })));
    skip = 0;
  }
  const total = counts.reduce((sum, count) => sum + count, 0);
  return { rows, total, sort, page: query.page, pageCount: Math.max(1, Math.ceil(total / RESERVATIONS_PAGE_SIZE)) };
}

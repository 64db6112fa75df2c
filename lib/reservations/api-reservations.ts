import "server-only";
import { z } from "zod";
import { afterCursor, cursorSchema, newestFirst, page, paginationQuery } from "../db/pagination";
import { db, type Prisma } from "../db/client";
import { notFound } from "../errors/app-error";
import { isoDate, reservationStatus } from "./schemas";
import type { AccessResource } from "./reservation-resource";
import { serializeReservation } from "./serialize-reservation";

export const listReservationsApiQuery = z.object({
  ...paginationQuery,
  cursor: cursorSchema.optional(),
  status: reservationStatus.optional(),
  arrivalFrom: isoDate.optional(),
  arrivalTo: isoDate.optional(),
  updatedSince: z.iso.datetime({ offset: true, message: "An ISO 8601 date-time such as 2026-11-23T10:00:00Z" }).optional(),
  guestEmail: z.string().trim().toLowerCase().max(200).optional(),
});
export type ListReservationsApiQuery = z.infer<typeof listReservationsApiQuery>;

const withGuestAndRoom = { guest: { select: { id: true, firstName: true, lastName: true, email: true } }, room: { select: { number: true } } } as const;

/** The property's reservations, newest first, filtered, one cursor page at a time. */
export async function listReservationsForApi(propertyId: string, query: ListReservationsApiQuery) {
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

export async function getReservationForApi(propertyId: string, id: string) {
  const row = await db.reservation.findFirst({ where: { id, propertyId }, include: withGuestAndRoom });
  if (!row) throw notFound("Reservation");
  return serializeReservation(row);
}

export async function listReservationAccesses(propertyId: string, reservationId: string) {
  const reservation = await db.reservation.findFirst({ where: { id: reservationId, propertyId }, select: { id: true } });
  if (!reservation) throw notFound("Reservation");
  const rows = await db.reservationAccess.findMany({ where: { reservationId, propertyId }, orderBy: [{ validFrom: "asc" }, { id: "asc" }] });
  return {
    data: rows.map((a): AccessResource => ({ id: a.id, reservationId: a.reservationId, lockName: a.lockName, pin: a.pin, validFrom: a.validFrom.toISOString(), validUntil: a.validUntil.toISOString(), createdAt: a.createdAt.toISOString() })),
    nextCursor: null,
  };
}

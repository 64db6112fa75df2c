import "server-only";
import { db } from "../db/client";
import { notFound } from "../errors/app-error";
import { serializeAccess } from "./access-codes";

/** A stay's door access codes, earliest first (one page: a stay has few). */
export async function listReservationAccesses(propertyId: string, reservationId: string) {
  const reservation = await db.reservation.findFirst({ where: { id: reservationId, propertyId }, select: { id: true } });
  if (!reservation) throw notFound("Reservation");
  const rows = await db.reservationAccess.findMany({
    where: { reservationId, propertyId },
    orderBy: [{ validFrom: "asc" }, { id: "asc" }],
  });
  return { data: rows.map(serializeAccess), nextCursor: null };
}

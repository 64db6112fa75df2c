import "server-only";
import { db } from "../db/client";
import { notFound } from "../errors/app-error";
import type { ReservationResource } from "./reservation-resource";
import { serializeReservation } from "./serialize-reservation";

/** What the API shows with a reservation: its guest's name and email, its room's number. */
export const withGuestAndRoom = {
  guest: { select: { id: true, firstName: true, lastName: true, email: true } },
  room: { select: { number: true } },
} as const;

/** One reservation of the property, as the API shows it. */
export async function getReservation(propertyId: string, id: string): Promise<ReservationResource> {
  const row = await db.reservation.findFirst({ where: { id, propertyId }, include: withGuestAndRoom });
  if (!row) throw notFound("Reservation");
  return serializeReservation(row);
}

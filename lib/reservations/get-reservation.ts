import "server-only";
import { Prisma } from "../db/generated/prisma/client";
import { notFound } from "../errors/app-error";
import { readReservations, serializeReservationRow } from "./read-reservations";
import type { ReservationResource } from "./reservation-resource";

/** One reservation of the property, as the API shows it. */
export async function getReservation(propertyId: string, id: string): Promise<ReservationResource> {
  const [row] = await readReservations(propertyId, [Prisma.sql`r.id = ${id}`]);
  if (!row) throw notFound("Reservation");
  return serializeReservationRow(row);
}

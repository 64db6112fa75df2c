import "server-only";
import { z } from "zod";
import { notBlank } from "../openapi/input-hints";
import type { Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { changeReservationStatus } from "../reservations/change-reservation-status";
import { serializeReservation } from "../reservations/serialize-reservation";
import { sameName, withGuestAndRoom } from "./check-in-guest";
import { serializeGuest } from "./serialize-guest";

export const checkOutInput = z.strictObject({
  pmsGuestId: z.string().trim().min(1, "pmsGuestId is required").max(100).meta(notBlank()),
  lastName: z.string().trim().min(1).max(100).meta(notBlank()).optional(),
});

/** Checks out the stay named by its code, or the checked-in stay of the guest with this reference. */
export async function checkOutGuest(options: { propertyId: string; actor: Actor; input: z.infer<typeof checkOutInput> }) {
  const { propertyId, actor, input } = options;
  const stay =
    (await db.reservation.findFirst({ where: { propertyId, code: input.pmsGuestId.toUpperCase() }, include: { guest: true } })) ??
    (await db.reservation.findFirst({
      where: { propertyId, guest: { externalRef: input.pmsGuestId }, status: "CHECKED_IN" },
      include: { guest: true },
      orderBy: { arrivalDate: "desc" },
    }));
  if (!stay) throw notFound("Reservation or guest");
  if (input.lastName && !sameName(stay.guest.lastName, input.lastName)) {
    throw new AppError("INVALID_STATE", "lastName does not match the reservation's guest.", {
      lastName: ["Does not match the reservation"],
    });
  }
  await changeReservationStatus({ propertyId, reservationId: stay.id, transition: "check_out", actor });
  const reservation = await db.reservation.findUniqueOrThrow({ where: { id: stay.id }, include: withGuestAndRoom });
  return { data: { reservation: serializeReservation(reservation), guest: serializeGuest(reservation.guest) } };
}

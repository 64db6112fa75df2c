"use server";
// The Reservations page's changes: a new reservation, and check-in, check-out or cancel of one.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { eraseGuest } from "../guests/erase-guest";
import { changeReservationStatus } from "../reservations/change-reservation-status";
import { createReservation } from "../reservations/create-reservation";
import { parseCreateReservationForm } from "../reservations/schemas";
import { storableId } from "../db/storable-text";
import { propertyAction } from "./property-action";

const createForm = { parse: (input: unknown) => parseCreateReservationForm(z.record(z.string(), z.unknown()).parse(input)) };

export const createReservationAction = propertyAction("createReservation", createForm, async ({ slug, access, actor, input }) => {
  const reservation = await createReservation({ property: access.property, actor, input });
  revalidatePath(`/${slug}/reservations`);
  return `Reservation ${reservation.code} created.`;
});

const statusForm = z.object({
  reservationId: storableId("reservation"),
  transition: z.enum(["check_in", "check_out", "cancel"]),
  // Set only after the person confirmed checking a guest in before the day before arrival.
  confirmEarly: z.boolean().default(false),
});

export const changeReservationStatusAction = propertyAction(
  (input: z.output<typeof statusForm>) => (input.transition === "cancel" ? "cancelReservation" : "checkInOut"),
  statusForm,
  async ({ slug, access, actor, input }) => {
    const reservation = await changeReservationStatus({
      propertyId: access.property.id,
      reservationId: input.reservationId,
      transition: input.transition,
      confirmEarly: input.confirmEarly,
      actor,
    });
    revalidatePath(`/${slug}/reservations`);
    return `${reservation.code} is now ${reservation.status.replace("_", " ").toLowerCase()}.`;
  },
);

export const eraseGuestAction = propertyAction(
  "eraseGuest",
  z.object({ guestId: storableId("guest"), reservationId: storableId("reservation") }),
  async ({ slug, access, actor, input }) => {
    await eraseGuest({ propertyId: access.property.id, guestId: input.guestId, actor });
    revalidatePath(`/${slug}/reservations/${input.reservationId}`);
    return "The guest's personal data was erased.";
  },
  { sudo: true },
);

"use server";
// The Reservations and stay pages' changes: a new reservation; check-in, check-out or cancel of one; a payment taken for it.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { eraseGuest } from "../guests/erase-guest";
import { recordPayment, recordPaymentForm } from "../payments/payments";
import { formatMoney } from "../ui/format";
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
    revalidatePath(`/${slug}/reservations/${reservation.id}`);
    return `${reservation.code} is now ${reservation.status.replace("_", " ").toLowerCase()}.`;
  },
);

export const recordPaymentAction = propertyAction("recordPayment", recordPaymentForm, async ({ slug, access, actor, input }) => {
  const payment = await recordPayment({
    property: access.property,
    reservationId: input.reservationId,
    actor,
    input: { amount: input.amount, currency: access.property.currency, method: input.method },
  });
  revalidatePath(`/${slug}/reservations/${input.reservationId}`);
  return `Payment of ${formatMoney(payment.amount, payment.currency)} recorded.`;
});

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

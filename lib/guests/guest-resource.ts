// A guest, and a stay (reservation with its guest), as the API shows them.
import { z } from "zod";
import { dateTime, id } from "../http/fields";
import { reservationResource } from "../reservations/reservation-resource";

export const guestResource = z
  .strictObject({
    id,
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    country: z.string().nullable(),
    externalRef: z.string().nullable(),
    erasedAt: dateTime.nullable().meta({ description: "Set when the guest's personal data was erased; the names then read [erased]" }),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: "Guest" });
export type GuestResource = z.input<typeof guestResource>;

export const stayResource = z.strictObject({ reservation: reservationResource, guest: guestResource }).meta({ id: "Stay" });
export type StayResource = z.input<typeof stayResource>;

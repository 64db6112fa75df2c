// A reservation and its door access codes as the API (and its events) show them.
import { z } from "zod";
import { ReservationStatus } from "../db/generated/prisma/enums";
import { currency, dateTime, day, id, minor } from "../http/fields";

export const reservationResource = z
  .strictObject({
    id,
    code: z.string(),
    status: z.enum(ReservationStatus),
    guestId: id,
    guest: z.strictObject({ id, firstName: z.string(), lastName: z.string(), email: z.string().nullable() }).optional(),
    roomId: id.nullable(),
    roomNumber: z.string().nullable(),
    arrivalDate: day,
    departureDate: day,
    adults: z.number().int(),
    children: z.number().int(),
    totalAmount: minor,
    currency,
    notes: z.string().nullable(),
    checkedInAt: dateTime.nullable(),
    checkedOutAt: dateTime.nullable(),
    cancelledAt: dateTime.nullable(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({
    id: "Reservation",
    examples: [
      {
        id: "cmwsot5jb0000he7d0pvfrheh",
        code: "GH-7K3M9Q",
        status: "CONFIRMED",
        guestId: "gh_guest_12",
        guest: { id: "gh_guest_12", firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" },
        roomId: "gh_room_3",
        roomNumber: "103",
        arrivalDate: "2027-03-01",
        departureDate: "2027-03-04",
        adults: 2,
        children: 0,
        totalAmount: 38700,
        currency: "EUR",
        notes: null,
        checkedInAt: null,
        checkedOutAt: null,
        cancelledAt: null,
        createdAt: "2026-11-23T10:00:00.000Z",
        updatedAt: "2026-11-23T10:00:00.000Z",
      },
    ],
  });
export type ReservationResource = z.input<typeof reservationResource>;

export const accessResource = z
  .strictObject({
    id,
    reservationId: id,
    lockName: z.string(),
    pin: z.string(),
    validFrom: dateTime,
    validUntil: dateTime,
    createdAt: dateTime,
  })
  .meta({ id: "ReservationAccess" });
export type AccessResource = z.input<typeof accessResource>;

// A reservation as the API (and its events) show it: ISO dates, money in minor units plus currency.
import type { Reservation } from "../db/generated/prisma/client";
import type { ReservationResource } from "./reservation-resource";

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The columns the API shows, whether read through Prisma's `include` or one SQL join (read-reservations.ts). */
type SerializableReservation = Pick<
  Reservation,
  | "id"
  | "code"
  | "status"
  | "guestId"
  | "roomId"
  | "arrivalDate"
  | "departureDate"
  | "adults"
  | "children"
  | "totalAmount"
  | "currency"
  | "notes"
  | "checkedInAt"
  | "checkedOutAt"
  | "cancelledAt"
  | "createdAt"
  | "updatedAt"
>;

export function serializeReservation(
  r: SerializableReservation & {
    guest?: { id: string; firstName: string; lastName: string; email: string | null } | null;
    room?: { number: string } | null;
  },
): ReservationResource {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    guestId: r.guestId,
    guest: r.guest ? { id: r.guest.id, firstName: r.guest.firstName, lastName: r.guest.lastName, email: r.guest.email } : undefined,
    roomId: r.roomId,
    roomNumber: r.room?.number ?? null,
    arrivalDate: isoDay(r.arrivalDate),
    departureDate: isoDay(r.departureDate),
    adults: r.adults,
    children: r.children,
    totalAmount: r.totalAmount,
    currency: r.currency,
    notes: r.notes,
    checkedInAt: r.checkedInAt?.toISOString() ?? null,
    checkedOutAt: r.checkedOutAt?.toISOString() ?? null,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

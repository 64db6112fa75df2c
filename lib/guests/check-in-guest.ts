import "server-only";
import { z } from "zod";
import { notBlank } from "../openapi/input-hints";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db, type DbTx } from "../db/client";
import { AppError } from "../errors/app-error";
import { recordDomainEvent } from "../events/record-domain-event";
import { assertRoomBookable } from "../reservations/room-availability";
import { isoDate } from "../reservations/schemas";
import { isoDay, serializeReservation } from "../reservations/serialize-reservation";
import { claimGuestEmail, emailTaken } from "./claim-guest-email";
import { serializeGuest } from "./serialize-guest";

/** RecepAI's check-in shape: `pmsGuestId` is a reservation code, or the integrator's guest reference. */
export const checkInInput = z.strictObject({
  pmsGuestId: z.string().trim().min(1, "pmsGuestId is required").max(100).meta(notBlank()),
  lastName: z.string().trim().min(1, "lastName is required").max(100).meta(notBlank()),
  roomNumber: z.string().trim().min(1, "roomNumber is required").max(20).meta(notBlank()),
  checkOutDate: isoDate,
  firstName: z.string().trim().min(1).max(100).meta(notBlank()).optional(),
  email: z.email().max(200).toLowerCase().optional(),
  phone: z.string().trim().min(3).max(40).meta(notBlank(3)).optional(),
  adults: z.number().int().min(1).max(20).optional(),
});
export type CheckInInput = z.infer<typeof checkInInput>;

export const sameName = (a: string, b: string) => a.trim().localeCompare(b.trim(), undefined, { sensitivity: "base" }) === 0;
export const withGuestAndRoom = { guest: true, room: { select: { number: true } } } as const;

async function roomByNumber(tx: DbTx, propertyId: string, number: string) {
  const room = await tx.room.findFirst({ where: { propertyId, number }, select: { id: true } });
  if (!room) throw new AppError("VALIDATION_ERROR", `No room ${number} at this property.`, { roomNumber: ["Unknown room number"] });
  return room;
}

/**
 * Checks a guest in. A known reservation code checks that stay in (moving room or departure when they
 * differ); an unknown reference creates the guest and a stay from today, checked in at once. An email
 * another guest of the property has is refused with 409 naming that guest.
 */
export async function checkInGuest(options: {
  property: { id: string; slug: string; currency: string };
  actor: Actor;
  input: CheckInInput;
  today?: Date;
}) {
  const { property, actor, input } = options;
  const today = new Date(`${isoDay(options.today ?? new Date())}T00:00:00Z`);
  const departure = new Date(`${input.checkOutDate}T00:00:00Z`);
  return db.$transaction(async (tx) => {
    // The address is claimed first, before the room is locked, in the order a booking takes them.
    const sameEmail = input.email ? await claimGuestEmail(tx, property.id, input.email) : null;
    const room = await roomByNumber(tx, property.id, input.roomNumber);
    const existing = await tx.reservation.findFirst({
      where: { propertyId: property.id, code: input.pmsGuestId.toUpperCase() },
      include: { guest: true },
    });
    let reservationId: string;
    let created = false;
    if (existing) {
      // An erased guest's stay is not checked in by name: its name is gone, and it takes no personal data again.
      if (existing.guest.erasedAt) throw new AppError("GUEST_ERASED", "This stay's guest was erased: it takes no new personal data.");
      if (!sameName(existing.guest.lastName, input.lastName)) {
        throw new AppError("INVALID_STATE", "lastName does not match the reservation's guest.", {
          lastName: ["Does not match the reservation"],
        });
      }
      if (sameEmail && sameEmail.id !== existing.guestId) throw emailTaken(sameEmail.id);
      if (existing.status !== "CONFIRMED") {
        throw new AppError("INVALID_STATE", `Cannot check in a reservation that is ${existing.status.toLowerCase().replace("_", " ")}.`);
      }
      await assertRoomBookable(tx, {
        propertyId: property.id,
        roomId: room.id,
        arrival: existing.arrivalDate,
        departure,
        guests: existing.adults + existing.children,
        ignoreReservationId: existing.id,
      });
      await tx.reservation.update({
        where: { id: existing.id },
        data: { status: "CHECKED_IN", checkedInAt: new Date(), roomId: room.id, departureDate: departure },
      });
      await tx.guest.update({
        where: { id: existing.guestId },
        data: {
          ...(input.firstName ? { firstName: input.firstName } : {}),
          ...(input.email ? { email: input.email } : {}),
          ...(input.phone ? { phone: input.phone } : {}),
        },
      });
      reservationId = existing.id;
    } else {
      const known = await tx.guest.findFirst({ where: { propertyId: property.id, externalRef: input.pmsGuestId } });
      // A new guest may not take another guest's address (409 naming it, as POST /guests answers).
      if (!known && sameEmail) throw emailTaken(sameEmail.id);
      const guest =
        known ??
        (await tx.guest.create({
          data: {
            propertyId: property.id,
            externalRef: input.pmsGuestId,
            lastName: input.lastName,
            firstName: input.firstName ?? "",
            email: input.email ?? null,
            phone: input.phone ?? null,
          },
        }));
      if (!sameName(guest.lastName, input.lastName)) {
        throw new AppError("INVALID_STATE", "lastName does not match the guest with this pmsGuestId.", {
          lastName: ["Does not match the guest"],
        });
      }
      const adults = input.adults ?? 1;
      await assertRoomBookable(tx, { propertyId: property.id, roomId: room.id, arrival: today, departure, guests: adults });
      const stay = await tx.reservation.create({
        data: {
          propertyId: property.id,
          code: `${input.pmsGuestId.toUpperCase().slice(0, 40)}-${Date.now().toString(36).toUpperCase()}`,
          guestId: guest.id,
          roomId: room.id,
          arrivalDate: today,
          departureDate: departure,
          adults,
          totalAmount: 0,
          currency: property.currency,
          status: "CHECKED_IN",
          checkedInAt: new Date(),
        },
        include: withGuestAndRoom,
      });
      await recordDomainEvent(tx, {
        propertyId: property.id,
        type: "reservation.created",
        data: { reservation: serializeReservation(stay) },
      });
      reservationId = stay.id;
      created = true;
    }
    const reservation = await tx.reservation.findUniqueOrThrow({ where: { id: reservationId }, include: withGuestAndRoom });
    await recordAuditEvent(tx, {
      propertyId: property.id,
      actor,
      action: "reservation.check_in",
      targetType: "reservation",
      targetId: reservation.id,
      metadata: { code: reservation.code, via: "guests/checkin" },
    });
    await recordDomainEvent(tx, {
      propertyId: property.id,
      type: "guest.checked_in",
      data: { reservation: serializeReservation(reservation) },
    });
    return { created, data: { reservation: serializeReservation(reservation), guest: serializeGuest(reservation.guest) } };
  });
}

import "server-only";
import { randomInt } from "node:crypto";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { claimGuestEmail } from "../guests/claim-guest-email";
import { recordDomainEvent } from "../events/record-domain-event";
import { assertRoomBookable } from "./room-availability";
import type { CreateReservationInput } from "./schemas";
import { serializeReservation } from "./serialize-reservation";

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function reservationCode(slug: string): string {
  const prefix =
    slug
      .split("-")
      .map((part) => part[0] ?? "")
      .join("")
      .toUpperCase()
      .slice(0, 3) || "R";
  let suffix = "";
  for (let i = 0; i < 6; i++) suffix += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${prefix}-${suffix}`;
}

/**
 * Creates a reservation for an existing guest (by id) or a new one (reusing the property's guest with
 * the same email, also when two bookings for one new address race). Records the audit trail and the `reservation.created` event in the same transaction.
 */
export async function createReservation(options: {
  property: { id: string; slug: string; currency: string };
  actor: Actor;
  input: CreateReservationInput;
}) {
  const { property, actor, input } = options;
  if (input.currency && input.currency !== property.currency) {
    throw new AppError("VALIDATION_ERROR", `This property books in ${property.currency}.`, { currency: [`Must be ${property.currency}`] });
  }
  const arrival = new Date(`${input.arrivalDate}T00:00:00Z`);
  const departure = new Date(`${input.departureDate}T00:00:00Z`);

  return db.$transaction(async (tx) => {
    // Claimed before the room is locked, in the order a check-in takes them, so the two cannot deadlock.
    const sameEmail = input.guest?.email ? await claimGuestEmail(tx, property.id, input.guest.email) : null;
    const room = await assertRoomBookable(tx, {
      propertyId: property.id,
      roomId: input.roomId,
      arrival,
      departure,
      guests: input.adults + input.children,
    });

    let guestId: string;
    if (input.guestId) {
      const guest = await tx.guest.findFirst({ where: { id: input.guestId, propertyId: property.id }, select: { id: true } });
      if (!guest) throw new AppError("VALIDATION_ERROR", "Guest not found.", { guestId: ["Guest not found"] });
      guestId = guest.id;
    } else {
      const details = input.guest!;
      guestId =
        sameEmail?.id ??
        (
          await tx.guest.create({
            data: {
              propertyId: property.id,
              firstName: details.firstName,
              lastName: details.lastName,
              email: details.email ?? null,
              phone: details.phone ?? null,
            },
          })
        ).id;
    }

    const reservation = await tx.reservation.create({
      data: {
        propertyId: property.id,
        code: reservationCode(property.slug),
        guestId,
        roomId: room.id,
        arrivalDate: arrival,
        departureDate: departure,
        adults: input.adults,
        children: input.children,
        totalAmount: input.totalAmount,
        currency: property.currency,
        notes: input.notes ?? null,
      },
      include: { guest: true, room: { select: { number: true } } },
    });
    await recordAuditEvent(tx, {
      propertyId: property.id,
      actor,
      action: "reservation.created",
      targetType: "reservation",
      targetId: reservation.id,
      metadata: { code: reservation.code },
    });
    await recordDomainEvent(tx, {
      propertyId: property.id,
      type: "reservation.created",
      data: { reservation: serializeReservation(reservation) },
    });
    return reservation;
  });
}

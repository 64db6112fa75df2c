import "server-only";
import { randomInt } from "node:crypto";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { CreateReservationInput } from "./schemas";

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function reservationCode(slug: string): string {
  const prefix = slug.split("-").map((part) => part[0] ?? "").join("").toUpperCase().slice(0, 3) || "R";
  let suffix = "";
  for (let i = 0; i < 6; i++) suffix += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${prefix}-${suffix}`;
}

/**
 * Creates a reservation, reusing the property's guest with the same email when there is one. The
 * room row is locked for the transaction so two concurrent bookings cannot both take the same nights.
 */
export async function createReservation(options: {
  property: { id: string; slug: string; currency: string };
  actor: Actor;
  input: CreateReservationInput;
}) {
  const { property, actor, input } = options;
  const arrival = new Date(`${input.arrivalDate}T00:00:00Z`);
  const departure = new Date(`${input.departureDate}T00:00:00Z`);

  return db.$transaction(async (tx) => {
    const rooms = await tx.$queryRaw<{ id: string; capacity: number }[]>`
      SELECT id, capacity FROM "Room" WHERE id = ${input.roomId} AND "propertyId" = ${property.id} FOR UPDATE`;
    const room = rooms[0];
    if (!room) throw new AppError("VALIDATION_ERROR", "Room not found.", { roomId: ["Room not found"] });
    if (input.adults + input.children > room.capacity) {
      throw new AppError("VALIDATION_ERROR", "Too many guests for this room.", {
        adults: [`This room sleeps at most ${room.capacity}`],
      });
    }
    const clash = await tx.reservation.findFirst({
      where: {
        propertyId: property.id,
        roomId: room.id,
        status: { in: ["CONFIRMED", "CHECKED_IN"] },
        arrivalDate: { lt: departure },
        departureDate: { gt: arrival },
      },
      select: { code: true },
    });
    if (clash) {
      throw new AppError("INVALID_STATE", `The room is already booked for these dates (${clash.code}).`, {
        roomId: [`Already booked for these dates by ${clash.code}`],
      });
    }

    const existingGuest = input.guest.email
      ? await tx.guest.findFirst({ where: { propertyId: property.id, email: input.guest.email } })
      : null;
    const guest =
      existingGuest ??
      (await tx.guest.create({
        data: { propertyId: property.id, firstName: input.guest.firstName, lastName: input.guest.lastName, email: input.guest.email ?? null },
      }));

    const reservation = await tx.reservation.create({
      data: {
        propertyId: property.id,
        code: reservationCode(property.slug),
        guestId: guest.id,
        roomId: room.id,
        arrivalDate: arrival,
        departureDate: departure,
        adults: input.adults,
        children: input.children,
        totalAmount: input.totalAmount,
        currency: property.currency,
        notes: input.notes ?? null,
      },
    });
    await recordAuditEvent(tx, {
      propertyId: property.id,
      actor,
      action: "reservation.created",
      targetType: "reservation",
      targetId: reservation.id,
      metadata: { code: reservation.code },
    });
    return reservation;
  });
}

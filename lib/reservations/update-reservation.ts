import "server-only";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { recordDomainEvent } from "../events/record-domain-event";
import { assertRoomBookable } from "./room-availability";
import type { UpdateReservationInput } from "./schemas";
import { isoDay, serializeReservation } from "./serialize-reservation";

/** Changes dates, room, guest counts or notes of a stay that has not ended. */
export async function updateReservation(options: {
  propertyId: string;
  reservationId: string;
  actor: Actor;
  input: UpdateReservationInput;
}) {
  const { propertyId, reservationId, actor, input } = options;
  return db.$transaction(async (tx) => {
    const current = await tx.reservation.findFirst({ where: { id: reservationId, propertyId } });
    if (!current) throw notFound("Reservation");
    if (current.status !== "CONFIRMED" && current.status !== "CHECKED_IN") {
      throw new AppError("INVALID_STATE", `A reservation that is ${current.status.toLowerCase().replace("_", " ")} cannot be changed.`);
    }
    const arrival = input.arrivalDate ? new Date(`${input.arrivalDate}T00:00:00Z`) : current.arrivalDate;
    const departure = input.departureDate ? new Date(`${input.departureDate}T00:00:00Z`) : current.departureDate;
    if (current.status === "CHECKED_IN" && input.arrivalDate && input.arrivalDate !== isoDay(current.arrivalDate)) {
      throw new AppError("INVALID_STATE", "The guest has checked in: the arrival date cannot change.", {
        arrivalDate: ["Already checked in"],
      });
    }
    const roomId = input.roomId ?? current.roomId;
    const adults = input.adults ?? current.adults;
    const children = input.children ?? current.children;
    if (roomId) {
      await assertRoomBookable(tx, { propertyId, roomId, arrival, departure, guests: adults + children, ignoreReservationId: current.id });
    } else if (departure <= arrival) {
      throw new AppError("INVALID_STATE", "Departure must be after arrival.", { departureDate: ["Departure must be after arrival"] });
    }
    const changed = Object.keys(input);
    const reservation = await tx.reservation.update({
      where: { id: current.id },
      data: {
        arrivalDate: arrival,
        departureDate: departure,
        roomId,
        adults,
        children,
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
      },
      include: { guest: true, room: { select: { number: true } } },
    });
    await recordAuditEvent(tx, {
      propertyId,
      actor,
      action: "reservation.updated",
      targetType: "reservation",
      targetId: reservation.id,
      metadata: { code: reservation.code, changed },
    });
    await recordDomainEvent(tx, {
      propertyId,
      type: "reservation.updated",
      data: { reservation: serializeReservation(reservation), changed },
    });
    return reservation;
  });
}

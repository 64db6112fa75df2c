import "server-only";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { ReservationStatus } from "../db/generated/prisma/enums";
import { AppError, notFound } from "../errors/app-error";
import type { EventType } from "../events/event-catalog";
import { recordDomainEvent } from "../events/record-domain-event";
import { serializeReservation } from "./serialize-reservation";

/** The stay's life: which status each transition starts from and what it stamps. */
const TRANSITIONS = {
  check_in: { from: ["CONFIRMED"], to: "CHECKED_IN", stamp: "checkedInAt", verb: "check in", event: "guest.checked_in" },
  check_out: { from: ["CHECKED_IN"], to: "CHECKED_OUT", stamp: "checkedOutAt", verb: "check out", event: "guest.checked_out" },
  cancel: { from: ["CONFIRMED"], to: "CANCELLED", stamp: "cancelledAt", verb: "cancel", event: "reservation.cancelled" },
} as const satisfies Record<string, { from: ReservationStatus[]; to: ReservationStatus; stamp: string; verb: string; event: EventType }>;

export type ReservationTransition = keyof typeof TRANSITIONS;

const STATUS_WORDS: Record<ReservationStatus, string> = {
  CONFIRMED: "confirmed",
  CHECKED_IN: "checked in",
  CHECKED_OUT: "checked out",
  CANCELLED: "cancelled",
  NO_SHOW: "a no-show",
};

export async function changeReservationStatus(options: {
  propertyId: string;
  reservationId: string;
  transition: ReservationTransition;
  actor: Actor;
}) {
  const { propertyId, reservationId, actor } = options;
  const transition = TRANSITIONS[options.transition];
  return db.$transaction(async (tx) => {
    // A conditional update: two clerks clicking at once cannot both move the same stay.
    const updated = await tx.reservation.updateMany({
      where: { id: reservationId, propertyId, status: { in: [...transition.from] } },
      data: { status: transition.to, [transition.stamp]: new Date() },
    });
    if (updated.count === 0) {
      const current = await tx.reservation.findFirst({ where: { id: reservationId, propertyId }, select: { status: true } });
      if (!current) throw notFound("Reservation");
      throw new AppError("INVALID_STATE", `Cannot ${transition.verb} a reservation that is ${STATUS_WORDS[current.status]}.`);
    }
    const reservation = await tx.reservation.findUniqueOrThrow({
      where: { id: reservationId },
      include: { guest: true, room: { select: { number: true } } },
    });
    await recordAuditEvent(tx, {
      propertyId,
      actor,
      action: `reservation.${options.transition}`,
      targetType: "reservation",
      targetId: reservationId,
      metadata: { code: reservation.code, status: reservation.status },
    });
    await recordDomainEvent(tx, { propertyId, type: transition.event, data: { reservation: serializeReservation(reservation) } });
    return reservation;
  });
}

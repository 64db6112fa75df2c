import "server-only";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { ReservationStatus } from "../db/generated/prisma/enums";
import { AppError, notFound } from "../errors/app-error";
import type { EventType } from "../events/event-catalog";
import { recordDomainEvent } from "../events/record-domain-event";
import { formatDate } from "../ui/format";
import { addDaysToDate, isEarlyCheckIn, propertyToday } from "./property-today";
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
  /** Check-in earlier than the day before arrival happens only when the person said so. */
  confirmEarly?: boolean;
  /** The clock, for tests. */
  now?: Date;
}) {
  const { propertyId, reservationId, actor, now = new Date() } = options;
  const transition = TRANSITIONS[options.transition];
  return db.$transaction(async (tx) => {
    // The front desk's day is the property's: from the day before arrival a check-in needs no confirmation.
    const guardEarly = options.transition === "check_in" && !options.confirmEarly;
    const property = guardEarly ? await tx.property.findUnique({ where: { id: propertyId }, select: { timezone: true } }) : null;
    const today = propertyToday(property?.timezone, now);
    const latestArrival = new Date(`${addDaysToDate(today, 1)}T00:00:00Z`);
    // A conditional update: two clerks clicking at once cannot both move the same stay.
    const updated = await tx.reservation.updateMany({
      where: {
        id: reservationId,
        propertyId,
        status: { in: [...transition.from] },
        ...(guardEarly ? { arrivalDate: { lte: latestArrival } } : {}),
        // An erased guest's stay takes no check-in, as the API's check-in answers (its guest is gone).
        ...(options.transition === "check_in" ? { guest: { erasedAt: null } } : {}),
      },
      data: { status: transition.to, [transition.stamp]: now },
    });
    if (updated.count === 0) {
      const current = await tx.reservation.findFirst({
        where: { id: reservationId, propertyId },
        select: { status: true, code: true, arrivalDate: true, guest: { select: { erasedAt: true } } },
      });
      if (!current) throw notFound("Reservation");
      if (options.transition === "check_in" && current.status === "CONFIRMED" && current.guest.erasedAt) {
        throw new AppError("GUEST_ERASED", "This stay's guest was erased: it cannot be checked in.");
      }
      if (guardEarly && current.status === "CONFIRMED" && isEarlyCheckIn(current.arrivalDate, today)) {
        throw new AppError(
          "INVALID_STATE",
          `${current.code} arrives on ${formatDate(current.arrivalDate)}. Confirm the early check-in to check the guest in before then.`,
        );
      }
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

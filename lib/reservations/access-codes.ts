// Door access codes of a stay, issued and revoked by a door-lock integration (or the dashboard). A PIN
// not given is 6 digits from the OS's secure random source; validity defaults to the stay, from 15:00
// on arrival to 11:00 on departure in the property's time zone. Each write emits its event
// (access_code.created / access_code.revoked) so the lock vendor's system follows.
import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { notBlank, STATE_RULE } from "../openapi/input-hints";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { ReservationAccess } from "../db/generated/prisma/client";
import { AppError, notFound } from "../errors/app-error";
import { recordDomainEvent } from "../events/record-domain-event";
import type { AccessResource } from "./reservation-resource";
import { isoInstant } from "./schemas";
import { openPin, sealedPinOf, sealPin } from "./sealed-pin";
import { isoDay } from "./serialize-reservation";
import { zonedInstant } from "./zoned-time";

export const CHECK_IN_TIME = "15:00";
export const CHECK_OUT_TIME = "11:00";

export const issueAccessCodeInput = z
  .strictObject({
    lockName: z
      .string()
      .trim()
      .min(1, "lockName is required")
      .max(100)
      .meta({ ...notBlank(), description: "The door or lock, e.g. Front door" }),
    pin: z
      .string()
      .max(10, "4 to 10 digits")
      .regex(/^\d{4,10}$/, "4 to 10 digits")
      .optional()
      .meta({ description: "The code to open with; 6 random digits when left out" }),
    validFrom: isoInstant.optional().meta({ description: "Default: 15:00 on the arrival date, property time" }),
    validUntil: isoInstant.optional().meta({ description: "Default: 11:00 on the departure date, property time" }),
  })
  .refine((input) => !input.validFrom || !input.validUntil || new Date(input.validFrom) < new Date(input.validUntil), {
    path: ["validUntil"],
    message: "validUntil must be after validFrom",
    ...STATE_RULE,
  });

export function serializeAccess(a: ReservationAccess): AccessResource {
  return {
    id: a.id,
    reservationId: a.reservationId,
    lockName: a.lockName,
    pin: openPin(a.pin),
    validFrom: a.validFrom.toISOString(),
    validUntil: a.validUntil.toISOString(),
    createdAt: a.createdAt.toISOString(),
  };
}

/** An access code as its events carry it: the PIN stays sealed in the outbox and the deliveries. */
export function accessEventData(a: ReservationAccess): AccessResource {
  return { ...serializeAccess(a), pin: sealedPinOf(a.pin) };
}

export async function issueAccessCode(options: {
  property: { id: string; timezone: string };
  reservationId: string;
  actor: Actor;
  input: z.infer<typeof issueAccessCodeInput>;
}): Promise<AccessResource> {
  const { property, reservationId, actor, input } = options;
  return db.$transaction(async (tx) => {
    const stay = await tx.reservation.findFirst({ where: { id: reservationId, propertyId: property.id } });
    if (!stay) throw notFound("Reservation");
    if (stay.status !== "CONFIRMED" && stay.status !== "CHECKED_IN") {
      throw new AppError("INVALID_STATE", `A ${stay.status.toLowerCase().replace("_", " ")} stay gets no access code.`);
    }
    const validFrom = input.validFrom
      ? new Date(input.validFrom)
      : zonedInstant(isoDay(stay.arrivalDate), CHECK_IN_TIME, property.timezone);
    const validUntil = input.validUntil
      ? new Date(input.validUntil)
      : zonedInstant(isoDay(stay.departureDate), CHECK_OUT_TIME, property.timezone);
    if (validUntil <= validFrom) {
      // A rule between fields and the stay's dates, which the OpenAPI document cannot express: a 409.
      throw new AppError("INVALID_STATE", "validUntil must be after validFrom.", { validUntil: ["Must be after validFrom"] });
    }
    const access = await tx.reservationAccess.create({
      data: {
        propertyId: property.id,
        reservationId: stay.id,
        lockName: input.lockName,
        pin: sealPin(input.pin ?? String(randomInt(0, 1_000_000)).padStart(6, "0")),
        validFrom,
        validUntil,
      },
    });
    // The PIN stays out of the audit trail: it names the lock and the stay only.
    await recordAuditEvent(tx, {
      propertyId: property.id,
      actor,
      action: "access_code.created",
      targetType: "reservation",
      targetId: stay.id,
      metadata: { code: stay.code, lockName: access.lockName },
    });
    await recordDomainEvent(tx, { propertyId: property.id, type: "access_code.created", data: { access: accessEventData(access) } });
    return serializeAccess(access);
  });
}

/** Revokes a code; a revoke that lost a race to another (or came later) is 404, as for webhook endpoints. */
export async function revokeAccessCode(options: {
  propertyId: string;
  reservationId: string;
  accessId: string;
  actor: Actor;
}): Promise<AccessResource> {
  const { propertyId, reservationId, accessId, actor } = options;
  return db.$transaction(async (tx) => {
    const access = await tx.reservationAccess.findFirst({
      where: { id: accessId, reservationId, propertyId },
      include: { reservation: { select: { code: true } } },
    });
    if (!access) throw notFound("Access code");
    // A conditional delete: of racing revokes, the ones that waited behind the first delete nothing and get 404.
    const { count } = await tx.reservationAccess.deleteMany({ where: { id: access.id } });
    if (count === 0) throw notFound("Access code");
    await recordAuditEvent(tx, {
      propertyId,
      actor,
      action: "access_code.revoked",
      targetType: "reservation",
      targetId: reservationId,
      metadata: { code: access.reservation.code, lockName: access.lockName },
    });
    const { reservation: _reservation, ...row } = access;
    await recordDomainEvent(tx, { propertyId, type: "access_code.revoked", data: { access: accessEventData(row) } });
    return serializeAccess(row);
  });
}

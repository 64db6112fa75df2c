// Snapshot on subscribe: a new endpoint can ask for the current state before live events, so an
// integrator starts complete instead of only hearing of what changes next. In the transaction that
// creates the endpoint, one delivery per stay in house or arriving within 7 days (`reservation.snapshot`)
// and per access code still valid (`access_code.snapshot`) is queued for that endpoint alone, oldest
// arrival first; every event committed after it reaches the endpoint as usual. Snapshot events are not in
// the outbox or the events feed: they describe state, not a change.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { DbTx } from "../db/client";
import { accessResource, reservationResource } from "../reservations/reservation-resource";
import { accessEventData } from "../reservations/access-codes";
import { propertyToday } from "../reservations/property-today";
import { serializeReservation } from "../reservations/serialize-reservation";
import { newDeliveryId } from "./send-test-event";
import { mayReadWebhookType, subscribes } from "./event-types";

export const SNAPSHOT_CATALOG = {
  "reservation.snapshot": {
    description:
      "The current state of a stay in house or arriving within 7 days, sent once to an endpoint created with `snapshot: true` (to endpoints subscribed to reservation or guest events), before its live events",
    data: z.strictObject({ reservation: reservationResource }),
  },
  "access_code.snapshot": {
    description:
      "A door access code still valid, sent once to an endpoint created with `snapshot: true` (to endpoints subscribed to access code events), before its live events",
    data: z.strictObject({ access: accessResource }),
  },
} as const;
export type SnapshotType = keyof typeof SNAPSHOT_CATALOG;
export const SNAPSHOT_TYPES = Object.keys(SNAPSHOT_CATALOG) as SnapshotType[];

/** A snapshot event's body, as webhooks deliver it (the same shape as every event's). */
export const snapshotEnvelope = (type: SnapshotType) =>
  z.strictObject({
    id: z.string().meta({ description: "The snapshot event's id (evt_…)" }),
    type: z.literal(type),
    createdAt: z.string().meta({ description: "When the endpoint was created: the moment the state describes" }),
    data: SNAPSHOT_CATALOG[type].data,
  });

/** The state events an endpoint subscribed to `eventTypes` is sent: reservations for reservation and guest events, codes for code events. */
export function snapshotTypesFor(eventTypes: readonly string[]): SnapshotType[] {
  const any = (types: string[]) => types.some((type) => subscribes(eventTypes, type));
  return [
    ...(any(["reservation.created", "reservation.updated", "reservation.cancelled", "guest.checked_in", "guest.checked_out"])
      ? (["reservation.snapshot"] as const)
      : []),
    ...(any(["access_code.created", "access_code.revoked"]) ? (["access_code.snapshot"] as const) : []),
  ];
}

const DAY_MS = 24 * 3_600_000;

/** Queues the snapshot for a new endpoint in the caller's transaction; returns how many of each type. */
export async function queueSnapshot(
  tx: DbTx,
  endpoint: { id: string; propertyId: string; eventTypes: readonly string[]; readScopes: readonly string[] },
  now = new Date(),
): Promise<Record<SnapshotType, number>> {
  // Only the state its subscriber may read: door PINs need reservation_accesses:read, stays reservations:read.
  const types = snapshotTypesFor(endpoint.eventTypes).filter((type) => mayReadWebhookType(endpoint.readScopes, type));
  const property = await tx.property.findUniqueOrThrow({ where: { id: endpoint.propertyId }, select: { timezone: true } });
  const today = new Date(`${propertyToday(property.timezone, now)}T00:00:00Z`);
  const stays = types.includes("reservation.snapshot")
    ? await tx.reservation.findMany({
        where: {
          propertyId: endpoint.propertyId,
          OR: [{ status: "CHECKED_IN" }, { status: "CONFIRMED", arrivalDate: { gte: today, lte: new Date(today.getTime() + 7 * DAY_MS) } }],
        },
        include: { guest: true, room: { select: { number: true } } },
        orderBy: [{ arrivalDate: "asc" }, { id: "asc" }],
      })
    : [];
  const codes = types.includes("access_code.snapshot")
    ? await tx.reservationAccess.findMany({
        where: { propertyId: endpoint.propertyId, validUntil: { gt: now } },
        orderBy: [{ validFrom: "asc" }, { id: "asc" }],
      })
    : [];
  const events = [
    ...stays.map((stay) => ({ type: "reservation.snapshot" as const, data: { reservation: serializeReservation(stay) } })),
    ...codes.map((code) => ({ type: "access_code.snapshot" as const, data: { access: accessEventData(code) } })),
  ];
  if (events.length > 0)
    await tx.webhookDelivery.createMany({
      // A millisecond apart, so the worker (earliest due first) sends them in this order.
      data: events.map((event, i) => ({
        id: newDeliveryId(),
        propertyId: endpoint.propertyId,
        endpointId: endpoint.id,
        eventId: null,
        eventType: event.type,
        payload: JSON.stringify({
          id: `evt_${randomBytes(12).toString("hex")}`,
          type: event.type,
          createdAt: now.toISOString(),
          data: event.data,
        }),
        nextAttemptAt: new Date(now.getTime() + i),
      })),
    });
  return { "reservation.snapshot": stays.length, "access_code.snapshot": codes.length };
}

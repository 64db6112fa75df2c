// Every domain event, once: its type, what it means, and the schema of its `data`. The outbox, the
// webhook picker, the webhook payloads and the OpenAPI `webhooks` section are all derived from here.
import { z } from "zod";
import type { Scope } from "../api-keys/scopes";
import { conversationResource, messageResource } from "../conversations/conversation-resource";
import { dateTime, id, minor } from "../http/fields";
import { paymentResource } from "../payments/payment-resource";
import { accessResource, reservationResource } from "../reservations/reservation-resource";

export const EVENT_CATALOG = {
  "reservation.created": {
    description: "A reservation was made (dashboard, API or a walk-in check-in)",
    data: z.strictObject({ reservation: reservationResource }),
  },
  "reservation.updated": {
    description: "Dates, room, guest counts or notes of a reservation changed",
    data: z.strictObject({
      reservation: reservationResource,
      changed: z.array(z.string()).meta({ description: "The fields that changed" }),
    }),
  },
  "reservation.cancelled": { description: "A reservation was cancelled", data: z.strictObject({ reservation: reservationResource }) },
  "guest.checked_in": { description: "A guest checked in", data: z.strictObject({ reservation: reservationResource }) },
  "guest.checked_out": { description: "A guest checked out", data: z.strictObject({ reservation: reservationResource }) },
  "guest.erased": {
    description: "A guest's personal data was erased (GDPR art. 17): delete your copy of it",
    data: z.strictObject({ guest: z.strictObject({ id, erasedAt: dateTime }) }),
  },
  "payment.created": { description: "A payment was recorded for a stay", data: z.strictObject({ payment: paymentResource }) },
  "payment.refunded": {
    description: "A payment was refunded, fully or in part",
    data: z.strictObject({
      payment: paymentResource,
      refund: z.strictObject({ amount: minor.meta({ description: "Refunded by this refund, in minor units" }) }),
    }),
  },
  "message.received": {
    description: "A guest wrote a message",
    data: z.strictObject({ message: messageResource, conversation: conversationResource }),
  },
  "message.sent": {
    description: "A message was sent to a guest",
    data: z.strictObject({ message: messageResource, conversation: conversationResource }),
  },
  "access_code.created": { description: "A door access code was issued for a stay", data: z.strictObject({ access: accessResource }) },
  "access_code.revoked": {
    description: "A door access code was revoked: the lock must stop accepting it",
    data: z.strictObject({ access: accessResource }),
  },
  // Operational events: about the webhooks themselves, for an integrator's own monitoring. Sent only to
  // endpoints that name them (not to "*"), never to the endpoint they are about.
  "endpoint.disabled": {
    description: "A webhook endpoint was disabled automatically (410 Gone, or failing for 5 days): nothing is sent to it",
    data: z.strictObject({
      endpoint: z.strictObject({ id, url: z.string(), description: z.string(), disabledAt: dateTime, reason: z.string() }),
    }),
  },
  "delivery.exhausted": {
    description: "A webhook delivery failed its last retry: it will not be sent again unless resent",
    data: z.strictObject({
      delivery: z.strictObject({
        id,
        endpointId: id,
        eventId: id.nullable(),
        eventType: z.string(),
        attempts: z.number().int(),
        lastStatusCode: z.number().int().nullable(),
        lastError: z.string().nullable(),
        failedAt: dateTime,
      }),
    }),
  },
} as const;

/** Events about the webhooks themselves: only for endpoints that subscribe to them by name. */
export const OPERATIONAL_EVENT_TYPES = ["endpoint.disabled", "delivery.exhausted"] as const;

export type EventType = keyof typeof EVENT_CATALOG;

/** The read scope a key needs to see an event of this type in the events feed. */
export const EVENT_SCOPES: Record<EventType, Scope> = {
  "reservation.created": "reservations:read",
  "reservation.updated": "reservations:read",
  "reservation.cancelled": "reservations:read",
  "guest.checked_in": "guests:read",
  "guest.checked_out": "guests:read",
  "guest.erased": "guests:read",
  "payment.created": "payments:read",
  "payment.refunded": "payments:read",
  "message.received": "conversations:read",
  "message.sent": "conversations:read",
  "access_code.created": "reservation_accesses:read",
  "access_code.revoked": "reservation_accesses:read",
  "endpoint.disabled": "webhooks:read",
  "delivery.exhausted": "webhooks:read",
};
export const EVENT_TYPES = Object.keys(EVENT_CATALOG) as [EventType, ...EventType[]];
/** The `data` an event of this type carries, as the services must build it. */
export type EventData<T extends EventType> = z.input<(typeof EVENT_CATALOG)[T]["data"]>;

/** The body of an event as webhooks and the events feed deliver it. */
export const eventEnvelope = <T extends EventType>(type: T) =>
  z.strictObject({
    id: id.meta({ description: "The event's id (evt_…); the same event reaches each endpoint once, under its own webhook-id" }),
    type: z.literal(type),
    createdAt: dateTime.meta({ description: "When the change was committed" }),
    data: EVENT_CATALOG[type].data,
  });

/** Any event's body: what the events feed lists. */
export const anyEventEnvelope = z.discriminatedUnion(
  "type",
  EVENT_TYPES.map((type) => eventEnvelope(type)) as unknown as [ReturnType<typeof eventEnvelope>, ...ReturnType<typeof eventEnvelope>[]],
);
export type AnyEvent = z.input<typeof anyEventEnvelope>;

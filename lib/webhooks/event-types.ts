// The events an endpoint can subscribe to: every domain event of the outbox, or "*" for all of them.
// "ping" is the test event the dashboard sends; it reaches one endpoint and needs no subscription.
import { EVENT_TYPES, type EventType } from "../events/record-domain-event";

export const WEBHOOK_EVENT_TYPES = ["*", ...EVENT_TYPES] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const PING_EVENT = "ping";

export const EVENT_DESCRIPTIONS: Record<EventType, string> = {
  "reservation.created": "A reservation was made (dashboard, API or a walk-in check-in)",
  "reservation.updated": "Dates, room, guest counts or notes of a reservation changed",
  "reservation.cancelled": "A reservation was cancelled",
  "guest.checked_in": "A guest checked in",
  "guest.checked_out": "A guest checked out",
  "payment.updated": "A payment was recorded or its status changed",
  "message.received": "A guest wrote a message",
  "message.sent": "A message was sent to a guest",
  "access_code.created": "A door access code was issued for a stay",
};

/** Whether an endpoint subscribed to `subscribed` receives events of `type`. */
export function subscribes(subscribed: readonly string[], type: string): boolean {
  return subscribed.includes("*") || subscribed.includes(type);
}

// The events an endpoint can subscribe to: every domain event of the catalogue, or "*" for all of them.
// "ping" is the test event the dashboard sends; it reaches one endpoint and needs no subscription.
import { EVENT_TYPES } from "../events/event-catalog";

export const WEBHOOK_EVENT_TYPES = ["*", ...EVENT_TYPES] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const PING_EVENT = "ping";

/** Whether an endpoint subscribed to `subscribed` receives events of `type`. */
export function subscribes(subscribed: readonly string[], type: string): boolean {
  return subscribed.includes("*") || subscribed.includes(type);
}

// The events an endpoint can subscribe to: every domain event of the catalogue, or "*" for all of them.
// "ping" is the test event the dashboard sends; it reaches one endpoint and needs no subscription.
import { hasScope, SCOPE_IDS, type Scope } from "../api-keys/scopes";
import { AppError } from "../errors/app-error";
import { EVENT_SCOPES, EVENT_TYPES } from "../events/event-catalog";

export const WEBHOOK_EVENT_TYPES = ["*", ...EVENT_TYPES] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const PING_EVENT = "ping";

/** Whether an endpoint subscribed to `subscribed` receives events of `type`. */
export function subscribes(subscribed: readonly string[], type: string): boolean {
  return subscribed.includes("*") || subscribed.includes(type);
}

/**
 * The read scope each type a webhook can carry needs: an endpoint receives, and a key reads back, only the
 * types its credential may read, as in the events feed. A ping carries no property data and needs none.
 */
export const WEBHOOK_TYPE_SCOPES: Record<string, Scope> = {
  ...EVENT_SCOPES,
  "reservation.snapshot": "reservations:read",
  "access_code.snapshot": "reservation_accesses:read",
};

/** Whether a credential with `scopes` may read (and so receive) webhooks of `type`. */
export function mayReadWebhookType(scopes: readonly string[], type: string): boolean {
  if (type === PING_EVENT) return true;
  const needed = WEBHOOK_TYPE_SCOPES[type];
  return needed !== undefined && hasScope(scopes, needed);
}

/** Every type a credential with `scopes` may read: ping, the catalogue's events and the snapshots. */
export function readableWebhookTypes(scopes: readonly string[]): string[] {
  return [PING_EVENT, ...Object.keys(WEBHOOK_TYPE_SCOPES)].filter((type) => mayReadWebhookType(scopes, type));
}

/** For each type, every single scope that lets a credential read it (for the fan-out's SQL). */
export function scopesReadingEachType(): Record<string, string[]> {
  return Object.fromEntries(
    Object.keys(WEBHOOK_TYPE_SCOPES).map((type) => [type, SCOPE_IDS.filter((scope) => mayReadWebhookType([scope], type))]),
  );
}

/** Refuses an API subscription to types its key may not read; "*" means "everything this key may read". */
export function assertMaySubscribe(scopes: readonly string[], eventTypes: readonly string[]): void {
  const refused = eventTypes.filter((type) => type !== "*" && !mayReadWebhookType(scopes, type));
  if (refused.length === 0) return;
  const needed = [...new Set(refused.map((type) => WEBHOOK_TYPE_SCOPES[type]))].join(", ");
  throw new AppError("FORBIDDEN", `This API key may not read ${refused.join(", ")} events: subscribing needs ${needed}.`, {
    eventTypes: refused.map((type) => `${type} needs ${WEBHOOK_TYPE_SCOPES[type]}`),
  });
}

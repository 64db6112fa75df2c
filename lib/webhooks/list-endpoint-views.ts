import "server-only";
// What the dashboard's Webhooks tab shows of its endpoints: each with its 24-hour health, and the
// catalogue of events to subscribe to.
import { db } from "../db/client";
import type { WebhookEndpoint } from "../db/generated/prisma/client";
import { EVENT_CATALOG, EVENT_TYPES } from "../events/event-catalog";
import { planIncludesApi } from "../properties/plan";
import { endpointHealth, type DeliveryStatus, type EndpointHealth } from "./endpoint-health";
import { getEndpoint } from "./get-endpoint";
import { listEndpoints } from "./list-endpoints";
import { serializeEndpoint } from "./serialize-webhooks";

export interface EndpointHealthView {
  attempted24h: number;
  succeeded24h: number;
  lastDelivery: { id: string; eventType: string; status: DeliveryStatus; statusCode: number | null; at: string } | null;
}

/** Why nothing is sent to an endpoint although it is enabled: the same plan rule as API keys. */
export const PLAN_PAUSED_REASON = "Paused: the property's plan does not include API access";

export type WebhookEndpointView = ReturnType<typeof serializeEndpoint> & { health: EndpointHealthView; pausedReason: string | null };

/** The event types a person can subscribe to, with what each means (for pickers and filters). */
export interface EventTypeOption {
  type: string;
  description: string;
}

export function webhookEventCatalog(): EventTypeOption[] {
  return EVENT_TYPES.map((type) => ({ type, description: EVENT_CATALOG[type].description }));
}

async function pausedReason(propertyId: string): Promise<string | null> {
  const property = await db.property.findUnique({ where: { id: propertyId }, select: { plan: true } });
  return property && planIncludesApi(property) ? null : PLAN_PAUSED_REASON;
}

function view(endpoint: WebhookEndpoint, health: EndpointHealth | undefined, paused: string | null): WebhookEndpointView {
  const last = health?.lastDelivery;
  return {
    ...serializeEndpoint(endpoint),
    pausedReason: paused,
    health: {
      attempted24h: health?.attempted24h ?? 0,
      succeeded24h: health?.succeeded24h ?? 0,
      lastDelivery: last ? { ...last, at: last.at.toISOString() } : null,
    },
  };
}

export async function listEndpointViews(propertyId: string): Promise<WebhookEndpointView[]> {
  const endpoints = await listEndpoints(propertyId);
  const health = await endpointHealth(endpoints.map((e) => e.id));
  const paused = await pausedReason(propertyId);
  return endpoints.map((endpoint) => view(endpoint, health.get(endpoint.id), paused));
}

export async function getEndpointView(propertyId: string, endpointId: string): Promise<WebhookEndpointView> {
  const endpoint = await getEndpoint(propertyId, endpointId);
  const health = await endpointHealth([endpoint.id]);
  return view(endpoint, health.get(endpoint.id), await pausedReason(propertyId));
}

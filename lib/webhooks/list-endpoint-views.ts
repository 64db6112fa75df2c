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
  lastDelivery: {
    id: string;
    eventType: string;
    status: DeliveryStatus;
    statusCode: number | null;
    error: string | null;
    at: string;
  } | null;
  /** Deliveries that gave up, of any age: what "Retry failed" would queue again. */
  failedDeliveries: number;
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

/** Each endpoint's count of failed deliveries, in one grouped COUNT on the (endpointId, status, …) index. */
export async function failedDeliveryCounts(endpointIds: string[]): Promise<Map<string, number>> {
  if (endpointIds.length === 0) return new Map();
  const rows = await db.webhookDelivery.groupBy({
    by: ["endpointId"],
    where: { endpointId: { in: endpointIds }, status: "FAILED" },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.endpointId, row._count._all]));
}

function view(endpoint: WebhookEndpoint, health: EndpointHealth | undefined, failed: number, paused: string | null): WebhookEndpointView {
  const last = health?.lastDelivery;
  return {
    ...serializeEndpoint(endpoint),
    pausedReason: paused,
    health: {
      attempted24h: health?.attempted24h ?? 0,
      succeeded24h: health?.succeeded24h ?? 0,
      lastDelivery: last ? { ...last, at: last.at.toISOString() } : null,
      failedDeliveries: failed,
    },
  };
}

export async function listEndpointViews(propertyId: string): Promise<WebhookEndpointView[]> {
  const endpoints = await listEndpoints(propertyId);
  const ids = endpoints.map((e) => e.id);
  const [health, failed, paused] = await Promise.all([endpointHealth(ids), failedDeliveryCounts(ids), pausedReason(propertyId)]);
  return endpoints.map((endpoint) => view(endpoint, health.get(endpoint.id), failed.get(endpoint.id) ?? 0, paused));
}

export async function getEndpointView(propertyId: string, endpointId: string): Promise<WebhookEndpointView> {
  const endpoint = await getEndpoint(propertyId, endpointId);
  const [health, failed, paused] = await Promise.all([
    endpointHealth([endpoint.id]),
    failedDeliveryCounts([endpoint.id]),
    pausedReason(propertyId),
  ]);
  return view(endpoint, health.get(endpoint.id), failed.get(endpoint.id) ?? 0, paused);
}

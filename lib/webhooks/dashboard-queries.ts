import "server-only";
// What the dashboard's Webhooks tab reads: endpoints with their 24-hour health, an endpoint's recent
// deliveries (rows without attempt bodies, for the 3-second refresh) and one delivery with its attempts.
import { z } from "zod";
import { cursorSchema, page } from "../db/pagination";
import { EVENT_CATALOG, EVENT_TYPES } from "../events/event-catalog";
import { endpointHealth, getDelivery, listDeliveries, listEndpoints, type DeliveryStatus, type EndpointHealth } from "./deliveries";
import { getEndpoint } from "./endpoints";
import { PING_EVENT } from "./event-types";
import { serializeDelivery, serializeDeliverySummary, serializeEndpoint } from "./serialize";
import { notFound } from "../errors/app-error";
import type { WebhookEndpoint } from "../db/generated/prisma/client";

export interface EndpointHealthView {
  attempted24h: number;
  succeeded24h: number;
  lastDelivery: { id: string; eventType: string; status: DeliveryStatus; statusCode: number | null; at: string } | null;
}

export type WebhookEndpointView = ReturnType<typeof serializeEndpoint> & { health: EndpointHealthView };

/** The event types a person can subscribe to, with what each means (for pickers and filters). */
export interface EventTypeOption {
  type: string;
  description: string;
}

export function webhookEventCatalog(): EventTypeOption[] {
  return EVENT_TYPES.map((type) => ({ type, description: EVENT_CATALOG[type].description }));
}

function view(endpoint: WebhookEndpoint, health: EndpointHealth | undefined): WebhookEndpointView {
  const last = health?.lastDelivery;
  return {
    ...serializeEndpoint(endpoint),
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
  return endpoints.map((endpoint) => view(endpoint, health.get(endpoint.id)));
}

export async function getEndpointView(propertyId: string, endpointId: string): Promise<WebhookEndpointView> {
  const endpoint = await getEndpoint(propertyId, endpointId);
  const health = await endpointHealth([endpoint.id]);
  return view(endpoint, health.get(endpoint.id));
}

export const DELIVERY_STATUS_FILTERS = ["succeeded", "failed", "pending"] as const;

/** The deliveries view's filters as they stand in the URL; anything unreadable means "all". */
export const deliveryFilters = z.object({
  status: z.enum(DELIVERY_STATUS_FILTERS).optional().catch(undefined),
  eventType: z
    .string()
    .trim()
    .refine((value) => value === PING_EVENT || (EVENT_TYPES as readonly string[]).includes(value))
    .optional()
    .catch(undefined),
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).catch(25).default(25),
});
export type DeliveryFilters = z.output<typeof deliveryFilters>;

type SerializedDelivery = ReturnType<typeof serializeDelivery>;
export type DeliveryRow = ReturnType<typeof serializeDeliverySummary> & { lastError: string | null };
export type DeliveryDetail = SerializedDelivery & { lastError: string | null };

export async function listEndpointDeliveries(propertyId: string, endpointId: string, filters: DeliveryFilters): Promise<{ rows: DeliveryRow[]; nextCursor: string | null }> {
  await getEndpoint(propertyId, endpointId); // another property's endpoint is a 404, not an empty list
  const rows = await listDeliveries(propertyId, endpointId, {
    status: filters.status ? (filters.status.toUpperCase() as DeliveryStatus) : undefined,
    eventType: filters.eventType,
    cursor: filters.cursor,
    limit: filters.limit,
  });
  const { data, nextCursor } = page(rows, filters.limit, (delivery) => ({ ...serializeDeliverySummary(delivery), lastError: delivery.lastError }));
  return { rows: data, nextCursor };
}

export async function getEndpointDelivery(propertyId: string, endpointId: string, deliveryId: string): Promise<DeliveryDetail> {
  const delivery = await getDelivery(propertyId, deliveryId);
  if (delivery.endpointId !== endpointId) throw notFound("Delivery");
  return { ...serializeDelivery(delivery), lastError: delivery.lastError };
}

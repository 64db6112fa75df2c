// The API's view of webhooks: query schemas and list shapes for /api/v1/webhook-endpoints.
import { z } from "zod";
import { listQuery, page } from "../db/pagination";
import { WebhookDeliveryStatus } from "../db/generated/prisma/enums";
import { listDeliveriesWithAttempts, listEndpoints } from "./deliveries";
import { getEndpoint } from "./endpoints";
import { serializeDelivery, serializeEndpoint } from "./serialize";

export const listDeliveriesQuery = listQuery.extend({
  status: z.enum(WebhookDeliveryStatus).optional().meta({ description: "Only deliveries in this state" }),
  eventType: z.string().trim().min(1).max(100).optional().meta({ description: "Only deliveries of this event type (e.g. reservation.created, ping)" }),
});

export async function listEndpointsForApi(propertyId: string) {
  const endpoints = await listEndpoints(propertyId);
  return { data: endpoints.map((endpoint) => serializeEndpoint(endpoint)), nextCursor: null };
}

export async function listDeliveriesForApi(propertyId: string, endpointId: string, query: z.output<typeof listDeliveriesQuery>) {
  await getEndpoint(propertyId, endpointId);
  const rows = await listDeliveriesWithAttempts(propertyId, endpointId, { status: query.status, eventType: query.eventType, cursor: query.cursor, limit: query.limit });
  return page(rows, query.limit, serializeDelivery);
}

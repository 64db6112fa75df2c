import "server-only";
// The dashboard's view of an endpoint's deliveries: rows without attempt bodies (for the 3-second
// refresh), and one delivery with every attempt's request and response.
import { page } from "../db/pagination";
import { notFound } from "../errors/app-error";
import type { DeliveryStatus } from "./endpoint-health";
import { getDelivery } from "./get-delivery";
import { getEndpoint } from "./get-endpoint";
import { listDeliveries } from "./list-deliveries";
import type { DeliveryFilters } from "./schemas";
import { serializeDelivery, serializeDeliverySummary, type PinView } from "./serialize-webhooks";

type SerializedDelivery = ReturnType<typeof serializeDelivery>;
export type DeliveryRow = ReturnType<typeof serializeDeliverySummary> & { lastError: string | null };
export type DeliveryDetail = SerializedDelivery & { lastError: string | null };

export async function listEndpointDeliveries(
  propertyId: string,
  endpointId: string,
  filters: DeliveryFilters,
): Promise<{ rows: DeliveryRow[]; nextCursor: string | null }> {
  await getEndpoint(propertyId, endpointId); // another property's endpoint is a 404, not an empty list
  const rows = await listDeliveries(propertyId, endpointId, {
    status: filters.status ? (filters.status.toUpperCase() as DeliveryStatus) : undefined,
    eventType: filters.eventType,
    cursor: filters.cursor,
    limit: filters.limit,
  });
  const { data, nextCursor } = page(rows, filters.limit, (delivery) => ({
    ...serializeDeliverySummary(delivery),
    lastError: delivery.lastError,
  }));
  return { rows: data, nextCursor };
}

export async function getEndpointDelivery(
  propertyId: string,
  endpointId: string,
  deliveryId: string,
  pins: PinView,
): Promise<DeliveryDetail> {
  const delivery = await getDelivery(propertyId, deliveryId);
  if (delivery.endpointId !== endpointId) throw notFound("Delivery");
  return { ...serializeDelivery(delivery, pins), lastError: delivery.lastError };
}

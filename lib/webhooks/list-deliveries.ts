// An endpoint's deliveries, newest first, a cursor page at a time: without their attempts for lists
// that refresh often, with them for the API.
import type { z } from "zod";
import { db } from "../db/client";
import type { Prisma, WebhookAttempt, WebhookDelivery } from "../db/generated/prisma/client";
import { afterCursor, newestFirst, page } from "../db/pagination";
import type { DeliveryStatus } from "./endpoint-health";
import { readableWebhookTypes } from "./event-types";
import { getEndpoint } from "./get-endpoint";
import type { listDeliveriesQuery } from "./schemas";
import { serializeDelivery } from "./serialize-webhooks";

export interface DeliveryFilter {
  status?: DeliveryStatus;
  eventType?: string;
  /** Only deliveries of these types (what the reader may read). */
  readableTypes?: readonly string[];
  cursor?: { createdAt: Date; id: string };
  limit: number;
}

export type DeliveryWithAttempts = WebhookDelivery & { attempts: WebhookAttempt[] };

/** Newest deliveries of an endpoint first (limit + 1 rows, for the pager), without their attempts. */
export async function listDeliveries(propertyId: string, endpointId: string, filter: DeliveryFilter): Promise<WebhookDelivery[]> {
  return db.webhookDelivery.findMany({
    where: deliveryWhere(propertyId, endpointId, filter),
    orderBy: newestFirst,
    take: filter.limit + 1,
  });
}

/** The same page, each delivery with its attempts (request and response bodies: up to 64 KB each). */
export async function listDeliveriesWithAttempts(
  propertyId: string,
  endpointId: string,
  filter: DeliveryFilter,
): Promise<DeliveryWithAttempts[]> {
  return db.webhookDelivery.findMany({
    where: deliveryWhere(propertyId, endpointId, filter),
    orderBy: newestFirst,
    take: filter.limit + 1,
    include: { attempts: { orderBy: { attemptNumber: "asc" } } },
  });
}

function deliveryWhere(propertyId: string, endpointId: string, filter: DeliveryFilter): Prisma.WebhookDeliveryWhereInput {
  return {
    endpointId,
    propertyId,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.eventType || filter.readableTypes
      ? {
          AND: [
            ...(filter.eventType ? [{ eventType: filter.eventType }] : []),
            ...(filter.readableTypes ? [{ eventType: { in: [...filter.readableTypes] } }] : []),
          ],
        }
      : {}),
    ...afterCursor(filter.cursor),
  };
}

/** An endpoint's deliveries for an API key: only the types its scopes may read, as in the events feed. */
export async function listDeliveriesForApi(
  propertyId: string,
  endpointId: string,
  query: z.output<typeof listDeliveriesQuery>,
  scopes: readonly string[],
) {
  await getEndpoint(propertyId, endpointId);
  const rows = await listDeliveriesWithAttempts(propertyId, endpointId, {
    status: query.status,
    eventType: query.eventType,
    readableTypes: readableWebhookTypes(scopes),
    cursor: query.cursor,
    limit: query.limit,
  });
  return page(rows, query.limit, serializeDelivery);
}

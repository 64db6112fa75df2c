import { db } from "../db/client";
import type { WebhookEndpoint } from "../db/generated/prisma/client";
import { serializeEndpoint } from "./serialize-webhooks";

/** A property's endpoints, oldest first (at most 20: one page). */
export async function listEndpoints(propertyId: string): Promise<WebhookEndpoint[]> {
  return db.webhookEndpoint.findMany({ where: { propertyId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

export async function listEndpointsForApi(propertyId: string) {
  const endpoints = await listEndpoints(propertyId);
  return { data: endpoints.map((endpoint) => serializeEndpoint(endpoint)), nextCursor: null };
}

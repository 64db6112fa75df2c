import { db } from "../db/client";
import type { WebhookEndpoint } from "../db/generated/prisma/client";
import { notFound } from "../errors/app-error";

/** One endpoint of the property; another property's is the same 404 as a missing one. */
export async function getEndpoint(propertyId: string, endpointId: string): Promise<WebhookEndpoint> {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, propertyId } });
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}

/** Whether the property has this endpoint (a page checks before it streams). */
export async function endpointExists(propertyId: string, endpointId: string): Promise<boolean> {
  if (endpointId.length > 100) return false;
  return (await db.webhookEndpoint.count({ where: { id: endpointId, propertyId } })) > 0;
}

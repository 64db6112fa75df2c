import { db } from "../db/client";
import type { WebhookEndpoint } from "../db/generated/prisma/client";
import { notFound } from "../errors/app-error";

/** One endpoint of the property; another property's is the same 404 as a missing one. */
export async function getEndpoint(propertyId: string, endpointId: string): Promise<WebhookEndpoint> {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, propertyId } });
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}

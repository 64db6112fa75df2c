import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { WebhookEndpoint } from "../db/generated/prisma/client";
import { notFound } from "../errors/app-error";
import type { EndpointChange } from "./create-endpoint";
import { lockEndpoint, raceError } from "./lock-endpoint";

/** Removes an endpoint and its delivery history; nothing more is sent to it. A racing second delete is 404. */
export async function deleteEndpoint(context: EndpointChange, endpointId: string): Promise<WebhookEndpoint> {
  return db
    .$transaction(async (tx) => {
      await lockEndpoint(tx, context.propertyId, endpointId);
      const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, propertyId: context.propertyId } });
      if (!endpoint) throw notFound("Webhook endpoint");
      await tx.webhookEndpoint.delete({ where: { id: endpointId } });
      await recordAuditEvent(tx, {
        propertyId: context.propertyId,
        actor: context.actor,
        action: "webhook_endpoint.deleted",
        targetType: "webhook_endpoint",
        targetId: endpointId,
        metadata: { url: endpoint.url },
      });
      return endpoint;
    })
    .catch((error: unknown) => Promise.reject(raceError(error)));
}

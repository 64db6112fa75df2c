import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { notifyWebhookWorkers } from "./engine/outbox-notifications";
import { requeueDeliveries } from "./engine/requeue-deliveries";

/** Queues one more attempt of every failed delivery of an endpoint. Returns how many. */
export async function retryFailedDeliveries(
  context: { propertyId: string; actor: Actor },
  endpointId: string,
  now = new Date(),
): Promise<number> {
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, propertyId: context.propertyId } });
    if (!endpoint) throw notFound("Webhook endpoint");
    if (!endpoint.enabled) throw new AppError("INVALID_STATE", "The endpoint is disabled: enable it before retrying.");
    const { length: count } = await requeueDeliveries(tx, { where: { endpointId, status: "FAILED" } }, { at: now });
    if (count > 0) await notifyWebhookWorkers(tx);
    await recordAuditEvent(tx, {
      propertyId: context.propertyId,
      actor: context.actor,
      action: "webhook_endpoint.failed_retried",
      targetType: "webhook_endpoint",
      targetId: endpointId,
      metadata: { count },
    });
    return count;
  });
}

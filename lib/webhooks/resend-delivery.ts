import type { Actor } from "../audit/record-audit-event";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { WebhookDelivery } from "../db/generated/prisma/client";
import { AppError, notFound } from "../errors/app-error";
import { notifyWebhookWorkers } from "./engine/outbox-notifications";
import { requeueDeliveries } from "./engine/requeue-deliveries";

/** Sends a delivery again now, with the same webhook-id and body (receivers may deduplicate on it). */
export async function resendDelivery(
  context: { propertyId: string; actor: Actor },
  deliveryId: string,
  now = new Date(),
): Promise<WebhookDelivery> {
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({
      where: { id: deliveryId, propertyId: context.propertyId },
      include: { endpoint: true },
    });
    if (!delivery) throw notFound("Delivery");
    if (!delivery.endpoint.enabled) throw new AppError("INVALID_STATE", "The endpoint is disabled: enable it before resending.");
    // An attempt in flight is left to finish (it is recorded by the worker sending it): resending now
    // would send a second copy at the same time and lose one of the two answers.
    if (delivery.lockedUntil && delivery.lockedUntil > now)
      throw new AppError("INVALID_STATE", "This delivery is being sent right now. Resend it once this attempt is recorded.");
    await requeueDeliveries(tx, { ids: [deliveryId] }, { at: now });
    await notifyWebhookWorkers(tx);
    await recordAuditEvent(tx, {
      propertyId: context.propertyId,
      actor: context.actor,
      action: "webhook_delivery.resent",
      targetType: "webhook_delivery",
      targetId: deliveryId,
      metadata: { endpointId: delivery.endpointId, eventType: delivery.eventType },
    });
    return tx.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
  });
}

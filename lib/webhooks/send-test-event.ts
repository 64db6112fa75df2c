import { randomBytes } from "node:crypto";
import type { Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { WebhookDelivery } from "../db/generated/prisma/client";
import { AppError, notFound } from "../errors/app-error";
import { notifyWebhookWorkers } from "./engine/outbox-notifications";
import { PING_EVENT } from "./event-types";

export const newDeliveryId = () => `msg_${randomBytes(16).toString("hex")}`;

/** Queues a `ping` to one enabled endpoint (a disabled endpoint is never called). */
export async function sendTestEvent(
  context: { propertyId: string; actor: Actor },
  endpointId: string,
  now = new Date(),
): Promise<WebhookDelivery> {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, propertyId: context.propertyId } });
  if (!endpoint) throw notFound("Webhook endpoint");
  if (!endpoint.enabled) throw new AppError("INVALID_STATE", "The endpoint is disabled: enable it to send a test event.");
  const eventId = `evt_${randomBytes(12).toString("hex")}`;
  const body = JSON.stringify({
    id: eventId,
    type: PING_EVENT,
    createdAt: now.toISOString(),
    data: { endpointId, message: "A test event sent from API Access. Answer with any 2xx status." },
  });
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.create({
      data: {
        id: newDeliveryId(),
        propertyId: context.propertyId,
        endpointId,
        eventId: null,
        eventType: PING_EVENT,
        payload: body,
        nextAttemptAt: now,
      },
    });
    await notifyWebhookWorkers(tx);
    return delivery;
  });
}

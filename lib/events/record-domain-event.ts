// Domain events go to the outbox inside the caller's transaction: the event exists if and only if the
// change it describes was committed. The webhooks dispatcher reads them from there, woken at that commit.
import { randomBytes } from "node:crypto";
import type { DbTx, Prisma } from "../db/client";
import { currentRequestContext } from "../api/request-context";
import { notifyWebhookWorkers } from "../webhooks/engine/outbox-notifications";
import type { EventData, EventType } from "./event-catalog";

export const newEventId = () => `evt_${randomBytes(12).toString("hex")}`;

export async function recordDomainEvent<T extends EventType>(
  tx: DbTx,
  event: { propertyId: string; type: T; data: EventData<T> },
): Promise<string> {
  const id = newEventId();
  const request = currentRequestContext();
  await tx.outboxEvent.create({
    data: {
      id,
      propertyId: event.propertyId,
      type: event.type,
      payload: event.data as Prisma.InputJsonValue,
      apiKeyId: request?.apiKeyId ?? null,
      traceparent: request?.traceparent ?? null,
    },
  });
  await notifyWebhookWorkers(tx);
  return id;
}

// Domain events go to the outbox inside the caller's transaction: the event exists if and only if the
// change it describes was committed. The webhooks dispatcher reads them from there.
import { randomBytes } from "node:crypto";
import type { DbTx, Prisma } from "../db/client";

export const EVENT_TYPES = [
  "reservation.created",
  "reservation.updated",
  "reservation.cancelled",
  "guest.checked_in",
  "guest.checked_out",
  "payment.updated",
  "message.received",
  "message.sent",
  "access_code.created",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const newEventId = () => `evt_${randomBytes(12).toString("hex")}`;

export async function recordDomainEvent(
  tx: DbTx,
  event: { propertyId: string; type: EventType; data: Prisma.InputJsonValue },
): Promise<string> {
  const id = newEventId();
  await tx.outboxEvent.create({ data: { id, propertyId: event.propertyId, type: event.type, payload: event.data } });
  return id;
}

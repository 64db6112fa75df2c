// Reading and steering deliveries: endpoints with their 24-hour health, recent deliveries with their
// attempts, resend one, retry every failed one, send a test ping.
import { randomBytes } from "node:crypto";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { Prisma, WebhookAttempt, WebhookDelivery, WebhookEndpoint } from "../db/generated/prisma/client";
import type { WebhookDeliveryStatus } from "../db/generated/prisma/enums";
import { AppError, notFound } from "../errors/app-error";
import { afterCursor, newestFirst } from "../db/pagination";
import { PING_EVENT } from "./event-types";

export type DeliveryStatus = WebhookDeliveryStatus;

export const newDeliveryId = () => `msg_${randomBytes(16).toString("hex")}`;

export interface EndpointHealth {
  /** Deliveries attempted in the last 24 hours (by their last attempt) and how many succeeded. */
  attempted24h: number;
  succeeded24h: number;
  lastDelivery: { id: string; eventType: string; status: DeliveryStatus; statusCode: number | null; at: Date } | null;
}

export async function endpointHealth(endpointIds: string[], now = new Date()): Promise<Map<string, EndpointHealth>> {
  const health = new Map<string, EndpointHealth>(endpointIds.map((id) => [id, { attempted24h: 0, succeeded24h: 0, lastDelivery: null }]));
  if (endpointIds.length === 0) return health;
  const since = new Date(now.getTime() - 24 * 3_600_000);
  const counts = await db.webhookDelivery.groupBy({
    by: ["endpointId", "status"],
    where: { endpointId: { in: endpointIds }, lastAttemptAt: { gte: since } },
    _count: { _all: true },
  });
  for (const row of counts) {
    const entry = health.get(row.endpointId);
    if (!entry) continue;
    entry.attempted24h += row._count._all;
    if (row.status === "SUCCEEDED") entry.succeeded24h += row._count._all;
  }
  // Each endpoint's latest attempted delivery, in one query.
  const lasts = await db.$queryRaw<{ id: string; endpointId: string; eventType: string; status: DeliveryStatus; lastStatusCode: number | null; lastAttemptAt: Date }[]>`
    SELECT DISTINCT ON ("endpointId") id, "endpointId", "eventType", status::text AS status, "lastStatusCode", "lastAttemptAt"
    FROM "WebhookDelivery" WHERE "endpointId" = ANY(${endpointIds}) AND "lastAttemptAt" IS NOT NULL
    ORDER BY "endpointId", "lastAttemptAt" DESC`;
  for (const last of lasts) {
    health.get(last.endpointId)!.lastDelivery = { id: last.id, eventType: last.eventType, status: last.status, statusCode: last.lastStatusCode, at: last.lastAttemptAt };
  }
  return health;
}

export async function listEndpoints(propertyId: string): Promise<WebhookEndpoint[]> {
  return db.webhookEndpoint.findMany({ where: { propertyId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

export interface DeliveryFilter {
  status?: DeliveryStatus;
  eventType?: string;
  cursor?: { createdAt: Date; id: string };
  limit: number;
}

export type DeliveryWithAttempts = WebhookDelivery & { attempts: WebhookAttempt[] };

/** Newest deliveries of an endpoint first (limit + 1 rows, for the pager), without their attempts. */
export async function listDeliveries(propertyId: string, endpointId: string, filter: DeliveryFilter): Promise<WebhookDelivery[]> {
  return db.webhookDelivery.findMany({ where: deliveryWhere(propertyId, endpointId, filter), orderBy: newestFirst, take: filter.limit + 1 });
}

/** The same page, each delivery with its attempts (request and response bodies: up to 64 KB each). */
export async function listDeliveriesWithAttempts(propertyId: string, endpointId: string, filter: DeliveryFilter): Promise<DeliveryWithAttempts[]> {
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
    ...(filter.eventType ? { eventType: filter.eventType } : {}),
    ...afterCursor(filter.cursor),
  };
}


export async function getDelivery(propertyId: string, deliveryId: string): Promise<DeliveryWithAttempts> {
  const delivery = await db.webhookDelivery.findFirst({ where: { id: deliveryId, propertyId }, include: { attempts: { orderBy: { attemptNumber: "asc" } } } });
  if (!delivery) throw notFound("Delivery");
  return delivery;
}

/** Sends a delivery again now, with the same webhook-id and body (receivers may deduplicate on it). */
export async function resendDelivery(context: { propertyId: string; actor: Actor }, deliveryId: string, now = new Date()): Promise<WebhookDelivery> {
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, propertyId: context.propertyId }, include: { endpoint: true } });
    if (!delivery) throw notFound("Delivery");
    if (!delivery.endpoint.enabled) throw new AppError("INVALID_STATE", "The endpoint is disabled: enable it before resending.");
    // An attempt in flight is left to finish (it is recorded by the worker sending it): resending now
    // would send a second copy at the same time and lose one of the two answers.
    if (delivery.lockedUntil && delivery.lockedUntil > now) throw new AppError("INVALID_STATE", "This delivery is being sent right now. Resend it once this attempt is recorded.");
    const updated = await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "PENDING", nextAttemptAt: now, lockedUntil: null, leaseToken: null },
    });
    await recordAuditEvent(tx, {
      propertyId: context.propertyId,
      actor: context.actor,
      action: "webhook_delivery.resent",
      targetType: "webhook_delivery",
      targetId: deliveryId,
      metadata: { endpointId: delivery.endpointId, eventType: delivery.eventType },
    });
    return updated;
  });
}

/** Queues one more attempt of every failed delivery of an endpoint. Returns how many. */
export async function retryFailedDeliveries(context: { propertyId: string; actor: Actor }, endpointId: string, now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, propertyId: context.propertyId } });
    if (!endpoint) throw notFound("Webhook endpoint");
    if (!endpoint.enabled) throw new AppError("INVALID_STATE", "The endpoint is disabled: enable it before retrying.");
    const { count } = await tx.webhookDelivery.updateMany({
      where: { endpointId, status: "FAILED" },
      data: { status: "PENDING", nextAttemptAt: now, lockedUntil: null, leaseToken: null },
    });
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

/** Queues a `ping` to one enabled endpoint (a disabled endpoint is never called). */
export async function sendTestEvent(context: { propertyId: string; actor: Actor }, endpointId: string, now = new Date()): Promise<WebhookDelivery> {
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
  return db.webhookDelivery.create({
    data: { id: newDeliveryId(), propertyId: context.propertyId, endpointId, eventId: null, eventType: PING_EVENT, payload: body, nextAttemptAt: now },
  });
}

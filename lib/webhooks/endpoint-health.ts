// Each endpoint's last 24 hours: deliveries attempted and succeeded, and its latest attempted delivery.
import { db } from "../db/client";
import type { WebhookDeliveryStatus } from "../db/generated/prisma/enums";

export type DeliveryStatus = WebhookDeliveryStatus;

export interface EndpointHealth {
  /** Deliveries attempted in the last 24 hours (by their last attempt) and how many succeeded. */
  attempted24h: number;
  succeeded24h: number;
  lastDelivery: { id: string; eventType: string; status: DeliveryStatus; statusCode: number | null; error: string | null; at: Date } | null;
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
  const lasts = await db.$queryRaw<
    {
      id: string;
      endpointId: string;
      eventType: string;
      status: DeliveryStatus;
      lastStatusCode: number | null;
      lastError: string | null;
      lastAttemptAt: Date;
    }[]
  >`
    SELECT DISTINCT ON ("endpointId") id, "endpointId", "eventType", status::text AS status, "lastStatusCode", "lastError", "lastAttemptAt"
    FROM "WebhookDelivery" WHERE "endpointId" = ANY(${endpointIds}) AND "lastAttemptAt" IS NOT NULL
    ORDER BY "endpointId", "lastAttemptAt" DESC`;
  for (const last of lasts) {
    health.get(last.endpointId)!.lastDelivery = {
      id: last.id,
      eventType: last.eventType,
      status: last.status,
      statusCode: last.lastStatusCode,
      error: last.lastError,
      at: last.lastAttemptAt,
    };
  }
  return health;
}

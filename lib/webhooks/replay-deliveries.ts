// Replaying a time window: an integrator whose server was down from Friday 22:00 to Monday 08:00 asks for
// that window's deliveries again, only the failed ones or all of them. Each is queued again as it is,
// with its own webhook-id (receivers deduplicate on it) and body; the worker sends them in the
// background, each endpoint's earliest first, and the replay's progress is counted from the deliveries
// it queued. Deliveries already waiting for an attempt are left as they are: they go anyway.
import { currentRequestContext } from "../api/request-context";
import { mayReadWebhookType, readableWebhookTypes } from "./event-types";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { STATE_RULE } from "../openapi/input-hints";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db, type DbTx } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { dateTime, id } from "../http/fields";
import { isoInstant } from "../reservations/schemas";
import { notifyWebhookWorkers } from "./engine/outbox-notifications";
import { requeueDeliveries, type DeliveryFilter } from "./engine/requeue-deliveries";

/** The most deliveries one replay queues; a wider window is refused with its count, to be split. */
export const MAX_REPLAY = 10_000;

export const replayInput = z
  .strictObject({
    since: isoInstant,
    until: isoInstant.optional().meta({ description: "Omitted: now" }),
    only: z.enum(["failed", "all"]).default("failed").meta({
      description:
        "`failed`: deliveries that failed (their retries ran out, or the endpoint was disabled); `all`: also those that succeeded",
    }),
  })
  .refine((input) => !input.until || new Date(input.until) > new Date(input.since), {
    path: ["until"],
    message: "until must be after since",
    ...STATE_RULE,
  });
export type ReplayInput = z.input<typeof replayInput>;

export const webhookReplayResource = z
  .strictObject({
    id,
    endpointId: id,
    since: dateTime,
    until: dateTime,
    only: z.enum(["failed", "all"]),
    total: z.number().int().meta({ description: "Deliveries queued again" }),
    sent: z.number().int().meta({ description: "Of those, attempted since the replay was made" }),
    succeeded: z.number().int().meta({ description: "Of those sent, delivered (2xx) at their latest attempt" }),
    status: z.enum(["running", "done"]).meta({ description: "`done` once every queued delivery was attempted" }),
    createdAt: dateTime,
  })
  .meta({ id: "WebhookReplay" });
export type WebhookReplayResource = z.input<typeof webhookReplayResource>;

function windowWhere(
  endpointId: string,
  input: { since: Date; until: Date; only: "failed" | "all" },
  types: readonly string[],
): DeliveryFilter {
  return {
    endpointId,
    createdAt: { gte: input.since, lt: input.until },
    status: input.only === "failed" ? "FAILED" : { not: "PENDING" },
    eventType: { in: [...types] },
  };
}

/** The types a replay may send again: what the endpoint's subscriber may read, and what the replaying key may (if a key). */
function replayableTypes(endpoint: { readScopes: string[] }): string[] {
  const caller = currentRequestContext();
  const endpointMay = readableWebhookTypes(endpoint.readScopes);
  return caller ? endpointMay.filter((type) => mayReadWebhookType(caller.scopes, type)) : endpointMay;
}

const parseWindow = (input: z.output<typeof replayInput>, now: Date) => ({
  since: new Date(input.since),
  until: input.until ? new Date(input.until) : now,
  only: input.only,
});

async function endpointOf(tx: DbTx, propertyId: string, endpointId: string) {
  const endpoint = await tx.webhookEndpoint.findFirst({
    where: { id: endpointId, propertyId },
    select: { id: true, enabled: true, readScopes: true },
  });
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}

/** How many deliveries a replay of this window would send: what the dashboard's dialog shows before it is confirmed. */
export async function countReplay(propertyId: string, endpointId: string, input: z.output<typeof replayInput>, now = new Date()) {
  const endpoint = await endpointOf(db, propertyId, endpointId);
  return db.webhookDelivery.count({ where: windowWhere(endpointId, parseWindow(input, now), replayableTypes(endpoint)) });
}

/** Queues the window's deliveries again and returns the replay, its progress at zero. */
export async function replayDeliveries(
  context: { propertyId: string; actor: Actor },
  endpointId: string,
  input: z.output<typeof replayInput>,
  now = new Date(),
): Promise<WebhookReplayResource> {
  const window = parseWindow(input, now);
  return db.$transaction(async (tx) => {
    // The endpoint's row is locked, so a replay and a delete, or two replays, take turns.
    await tx.$queryRaw`SELECT id FROM "WebhookEndpoint" WHERE id = ${endpointId} AND "propertyId" = ${context.propertyId} FOR UPDATE`;
    const endpoint = await endpointOf(tx, context.propertyId, endpointId);
    if (!endpoint.enabled) throw new AppError("INVALID_STATE", "The endpoint is disabled: enable it before replaying.");
    const types = replayableTypes(endpoint);
    const where = windowWhere(endpointId, window, types);
    const total = await tx.webhookDelivery.count({ where });
    if (total === 0)
      throw new AppError("INVALID_STATE", "No deliveries to replay in this window.", {
        since: [`No ${window.only === "failed" ? "failed " : ""}deliveries between since and until`],
      });
    if (total > MAX_REPLAY)
      throw new AppError("INVALID_STATE", "The window holds too many deliveries for one replay: split it.", {
        until: [`${total.toLocaleString("en")} deliveries; at most ${MAX_REPLAY.toLocaleString("en")} per replay`],
      });
    const replay = await tx.webhookReplay.create({
      data: {
        id: `rpl_${randomBytes(12).toString("hex")}`,
        propertyId: context.propertyId,
        endpointId,
        since: window.since,
        until: window.until,
        only: window.only,
        total,
        actorLabel: context.actor.label,
        createdAt: now,
      },
    });
    // Oldest first, a millisecond apart: the worker sends an endpoint's earliest due deliveries first, so the window goes out oldest first.
    const queued = await requeueDeliveries(tx, { where }, { at: now, inCreationOrder: true });
    await tx.$executeRaw`INSERT INTO "WebhookReplayDelivery" ("replayId", "deliveryId") SELECT ${replay.id}, unnest(${queued}::text[])`;
    await notifyWebhookWorkers(tx);
    await recordAuditEvent(tx, {
      propertyId: context.propertyId,
      actor: context.actor,
      action: "webhook_endpoint.replayed",
      targetType: "webhook_endpoint",
      targetId: endpointId,
      metadata: {
        replayId: replay.id,
        count: total,
        only: window.only,
        since: window.since.toISOString(),
        until: window.until.toISOString(),
      },
    });
    return serializeReplay(replay, { sent: 0, succeeded: 0 });
  });
}

function serializeReplay(
  replay: { id: string; endpointId: string; since: Date; until: Date; only: string; total: number; createdAt: Date },
  progress: { sent: number; succeeded: number },
): WebhookReplayResource {
  return {
    id: replay.id,
    endpointId: replay.endpointId,
    since: replay.since.toISOString(),
    until: replay.until.toISOString(),
    only: replay.only === "all" ? "all" : "failed",
    total: replay.total,
    sent: Math.min(progress.sent, replay.total),
    succeeded: Math.min(progress.succeeded, replay.total),
    status: progress.sent >= replay.total ? "done" : "running",
    createdAt: replay.createdAt.toISOString(),
  };
}

/** An endpoint's replays, newest first, each with its progress. */
export async function listReplays(propertyId: string, endpointId: string, options: { id?: string; limit?: number } = {}) {
  await endpointOf(db, propertyId, endpointId);
  const replays = await db.webhookReplay.findMany({
    where: { endpointId, propertyId, ...(options.id ? { id: options.id } : {}) },
    orderBy: { createdAt: "desc" },
    take: options.limit ?? 10,
  });
  if (replays.length === 0) return [];
  const counts = await db.$queryRaw<{ replayId: string; sent: number; succeeded: number }[]>`
    SELECT rd."replayId", count(*)::int AS sent, count(*) FILTER (WHERE d.status = 'SUCCEEDED')::int AS succeeded
    FROM "WebhookReplayDelivery" rd
      JOIN "WebhookReplay" r ON r.id = rd."replayId"
      JOIN "WebhookDelivery" d ON d.id = rd."deliveryId"
    WHERE rd."replayId" = ANY(${replays.map((r) => r.id)}::text[]) AND d."lastAttemptAt" >= r."createdAt"
    GROUP BY rd."replayId"`;
  const byId = new Map(counts.map((c) => [c.replayId, c]));
  return replays.map((replay) => serializeReplay(replay, byId.get(replay.id) ?? { sent: 0, succeeded: 0 }));
}

export async function getReplay(propertyId: string, endpointId: string, replayId: string): Promise<WebhookReplayResource> {
  const [replay] = await listReplays(propertyId, endpointId, { id: replayId, limit: 1 });
  if (!replay) throw notFound("Replay");
  return replay;
}

// The events feed: every event of the property, in the order the webhooks see them, for an integrator
// that reconciles after being down (`after` = the last event id it processed) or closes gaps in its
// webhooks. Pages go by (txid, seq), the writing transaction and the order of writing, and stop before
// any event of a transaction older than one still running: such an event may still commit, and would
// then land behind a cursor already handed out. So a page, once read, never gains an event before it.
// Events are kept 30 days after dispatch (purge-webhook-history.ts); the key's scopes filter the types.
import "server-only";
import { z } from "zod";
import { hasScope } from "../api-keys/scopes";
import { db } from "../db/client";
import { Prisma } from "../db/generated/prisma/client";
import { AppError } from "../errors/app-error";
import { EVENT_SCOPES, EVENT_TYPES, type AnyEvent } from "./event-catalog";
import { openPinsIn } from "../reservations/sealed-pin";
import { eventBodySql } from "./event-body";
import { notBlank } from "../openapi/input-hints";

export const listEventsQuery = z.object({
  after: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .meta(notBlank())
    .optional()
    .meta({ description: "The id of the last event you processed; omitted: from the oldest event kept (30 days)" }),
  limit: z.coerce.number().int("limit must be a whole number").min(1, "limit is at least 1").max(100, "limit is at most 100").default(25),
  type: z.enum(EVENT_TYPES).optional().meta({ description: "Only events of this type" }),
});

export async function listEvents(propertyId: string, scopes: readonly string[], query: z.infer<typeof listEventsQuery>) {
  const types = EVENT_TYPES.filter((type) => hasScope(scopes, EVENT_SCOPES[type]) && (!query.type || type === query.type));
  if (query.after) {
    const known = await db.outboxEvent.findFirst({ where: { id: query.after, propertyId }, select: { id: true } });
    if (!known)
      throw new AppError(
        "VALIDATION_ERROR",
        "No event with this id: pass the id of an event this feed gave you (events are kept 30 days).",
        {
          after: ["Unknown event id"],
        },
      );
  }
  const rows = await db.$queryRaw<{ id: string; body: string }[]>`
    SELECT e.id, ${Prisma.raw(eventBodySql("e"))} AS body FROM "OutboxEvent" e
    WHERE e."propertyId" = ${propertyId} AND e.type = ANY(${types}::text[])
      ${query.after ? Prisma.sql`AND (e.txid, e.seq) > (SELECT a.txid, a.seq FROM "OutboxEvent" a WHERE a.id = ${query.after})` : Prisma.empty}
      AND e.txid < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY e.txid, e.seq
    LIMIT ${query.limit + 1}`;
  const shown = rows.slice(0, query.limit);
  return {
    // Door PINs are sealed at rest; only keys with reservation_accesses:read get access code events at all.
    data: shown.map((row) => JSON.parse(openPinsIn(row.body, "clear")) as AnyEvent),
    hasMore: rows.length > query.limit,
    lastEventId: shown.at(-1)?.id ?? query.after ?? null,
  };
}

// GET /api/v1/events: an integrator reconciling from its last event id.
import pg from "pg";
import { describe, expect, it } from "vitest";
import * as eventsRoute from "../../app/api/v1/events/route";
import * as messagesRoute from "../../app/api/v1/conversations/[id]/messages/route";
import * as cancelRoute from "../../app/api/v1/reservations/[id]/cancel/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import { call } from "../api-client";
import { keyFor, propertyWithKey } from "../api-fixtures";
import { databaseSettings, db } from "../../lib/db/client";
import { env } from "../../lib/env";
import { recordDomainEvent } from "../../lib/events/record-domain-event";
import { fanOutEvents } from "../../lib/webhooks/engine/delivery-queue";
import { getPool } from "../../lib/db/client";

type Feed = { data: { id: string; type: string; createdAt: string; data: unknown }[]; hasMore: boolean; lastEventId: string | null };
const feed = async (key: string, query = "") => {
  const answer = await call(eventsRoute.GET, { key, path: `/api/v1/events${query}` });
  return { status: answer.status, body: answer.body as Feed & { code?: string } };
};

async function activity(key: string, roomId: string, propertyId: string) {
  const booked = await call(reservationsRoute.POST, {
    method: "POST",
    path: "/api/v1/reservations",
    key,
    body: {
      guest: { firstName: "Ada", lastName: "Lovelace" },
      roomId,
      arrivalDate: "2031-07-01",
      departureDate: "2031-07-03",
      adults: 1,
      totalAmount: 100,
    },
  });
  const reservation = (booked.body as { data: { id: string; guestId: string } }).data;
  await call(cancelRoute.POST, { method: "POST", key, params: { id: reservation.id }, path: "/x" });
  const conversation = await db.conversation.create({ data: { propertyId, guestId: reservation.guestId, channel: "EMAIL" } });
  const message = (body: Record<string, unknown>) =>
    call(messagesRoute.POST, { method: "POST", key, params: { id: conversation.id }, path: "/x", body });
  await message({ body: "Is breakfast included?", direction: "inbound" });
  await message({ body: "It is." });
}

describe("GET /api/v1/events", () => {
  it("lists every event once, in order, page by page from `after`, with the webhook's own body", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"]);
    await db.webhookEndpoint.create({
      data: {
        id: "we_feed",
        propertyId: property.id,
        url: "https://example.com/hooks",
        eventTypes: ["*"],
        secret: "x",
        createdAt: new Date(0),
      },
    });
    await activity(key, rooms[0]!.id, property.id);
    const outbox = await db.outboxEvent.findMany({ where: { propertyId: property.id }, orderBy: { seq: "asc" } });
    expect(outbox.map((e) => e.type)).toEqual(["reservation.created", "reservation.cancelled", "message.received", "message.sent"]);

    const seen: string[] = [];
    let after = "";
    for (let page = 0; page < 5; page++) {
      const { status, body } = await feed(key, `?limit=3${after ? `&after=${after}` : ""}`);
      expect(status).toBe(200);
      seen.push(...body.data.map((e) => e.id));
      expect(body.lastEventId).toBe(seen.at(-1));
      after = body.lastEventId!;
      if (!body.hasMore) break;
    }
    expect(seen).toEqual(outbox.map((e) => e.id));
    // Caught up: nothing new, and the cursor stays where it was.
    expect((await feed(key, `?after=${after}`)).body).toMatchObject({ data: [], hasMore: false, lastEventId: after });

    // The same body, byte for byte in meaning, as the webhook delivery of each event.
    await fanOutEvents(getPool(), new Date());
    const deliveries = await db.webhookDelivery.findMany({ where: { propertyId: property.id } });
    expect(deliveries).toHaveLength(4);
    const all = (await feed(key)).body.data;
    for (const delivery of deliveries) expect(all.find((e) => e.id === delivery.eventId)).toEqual(JSON.parse(delivery.payload));
    expect((await feed(key, "?type=message.sent")).body.data.map((e) => e.type)).toEqual(["message.sent"]);
  });

  it("shows a key only the events its scopes cover, and only its own property's", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"]);
    await activity(key, rooms[0]!.id, property.id);
    const messagesOnly = await keyFor(property, ["events:read", "conversations:read"]);
    expect((await feed(messagesOnly)).body.data.map((e) => e.type)).toEqual(["message.received", "message.sent"]);
    expect((await feed(await keyFor(property, ["events:read"]))).body.data).toEqual([]);
    expect((await feed(await keyFor(property, ["reservations:read"]))).status).toBe(403);

    const other = await propertyWithKey(["full_access:read"]);
    expect((await feed(other.key)).body.data).toEqual([]);
    const theirs = await db.outboxEvent.findFirstOrThrow({ where: { propertyId: property.id } });
    const refused = await feed(other.key, `?after=${theirs.id}`);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe("VALIDATION_ERROR");
    for (const query of ["?limit=0", "?limit=101", "?type=payment.exploded", "?after="])
      expect((await feed(key, query)).status, query).toBe(400);
  });

  it.skipIf(!env().TEST_DATABASE_URL)(
    "never hands out a cursor past an event whose transaction is still open: it appears in its place once committed (PostgreSQL)",
    async () => {
      const { property, rooms, key } = await propertyWithKey(["full_access:write"]);
      await activity(key, rooms[0]!.id, property.id);
      const before = (await feed(key)).body.lastEventId!;
      const booked = await db.outboxEvent.findFirstOrThrow({ where: { propertyId: property.id, type: "reservation.created" } });
      const slow = new pg.Client({ connectionString: databaseSettings().url, options: "-c TimeZone=UTC" });
      await slow.connect();
      try {
        await slow.query("BEGIN");
        await slow.query(`INSERT INTO "OutboxEvent" (id, "propertyId", type, payload) VALUES ('evt_slow', $1, 'reservation.created', $2)`, [
          property.id,
          booked.payload,
        ]);
        const fast = await db.$transaction((tx) =>
          recordDomainEvent(tx, { propertyId: property.id, type: "reservation.cancelled", data: booked.payload as never }),
        );
        // The later transaction committed, but the earlier one may still commit: neither is listed yet.
        expect((await feed(key, `?after=${before}`)).body.data).toEqual([]);
        await slow.query("COMMIT");
        expect((await feed(key, `?after=${before}`)).body.data.map((e) => e.id)).toEqual(["evt_slow", fast]);
      } finally {
        await slow.end();
      }
    },
  );
});

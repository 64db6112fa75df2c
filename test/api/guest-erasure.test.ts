// Erasure (GDPR art. 17): after POST /guests/{id}/erase, no table holds the guest's email, phone or names.
import { describe, expect, it } from "vitest";
import * as messagesRoute from "../../app/api/v1/conversations/[id]/messages/route";
import * as eventsRoute from "../../app/api/v1/events/route";
import * as eraseRoute from "../../app/api/v1/guests/[id]/erase/route";
import * as erasureRoute from "../../app/api/v1/guests/[id]/erasure/route";
import * as guestsRoute from "../../app/api/v1/guests/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import * as endpointsRoute from "../../app/api/v1/webhook-endpoints/route";
import { call } from "../api-client";
import { keyFor, propertyWithKey } from "../api-fixtures";
import { startReceiver } from "../webhook-receiver";
import { db, getPool } from "../../lib/db/client";
import { runGuestErasures } from "../../lib/guests/run-guest-erasures";
import { flushRequestLogs } from "../../lib/request-logs/log-writer";
import { WebhookWorker } from "../../lib/webhooks/engine/webhook-worker";

const EMAIL = "ada.lovelace@example.com";
const PHONE = "+44 20 7946 0958";

/** Every text and JSON column of every table, searched for the guest's traces: "table.column: n rows". */
async function traces(): Promise<string[]> {
  const { rows: columns } = await getPool().query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`,
  );
  const found: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const { rows } = await getPool().query<{ n: string }>(
      `SELECT count(*) AS n FROM "${table}" WHERE "${column}"::text ILIKE $1 OR "${column}"::text ILIKE $2 OR "${column}"::text ILIKE $3 OR "${column}"::text ~* '\\mAda\\M'`,
      [`%${EMAIL}%`, `%${PHONE}%`, "%Lovelace%"],
    );
    if (Number(rows[0]!.n) > 0) found.push(`${table}.${column}: ${rows[0]!.n}`);
  }
  return found;
}

describe("guest erasure", () => {
  it("leaves no trace of the guest's email, phone or name in any table, and tells every endpoint", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"]);
    const secrets: string[] = [];
    const receiver = await startReceiver({ secrets: () => secrets });
    try {
      const endpoint = await call(endpointsRoute.POST, { method: "POST", path: "/x", key, body: { url: receiver.url, eventTypes: ["*"] } });
      secrets.push((endpoint.body as { data: { secret: string } }).data.secret);

      // The guest's details travel: a booking (its body, answer, event, webhook and stored idempotent answer),
      // a search by email (the request log's query), a message, a note.
      const booked = await call(reservationsRoute.POST, {
        method: "POST",
        path: "/api/v1/reservations",
        key,
        body: {
          guest: { firstName: "Ada", lastName: "Lovelace", email: EMAIL, phone: PHONE },
          roomId: rooms[0]!.id,
          arrivalDate: "2031-09-01",
          departureDate: "2031-09-03",
          adults: 1,
          totalAmount: 100,
          notes: "Ada Lovelace arrives late; call +44 20 7946 0958",
        },
      });
      const stay = (booked.body as { data: { id: string; guestId: string } }).data;
      await call(guestsRoute.GET, { key, path: `/api/v1/guests?email=${encodeURIComponent(EMAIL)}` });
      const conversation = await db.conversation.create({
        data: { propertyId: property.id, guestId: stay.guestId, channel: "EMAIL", subject: "Question from Ada Lovelace" },
      });
      await call(messagesRoute.POST, {
        method: "POST",
        key,
        params: { id: conversation.id },
        path: "/x",
        body: { body: `Hi, it's Ada (${EMAIL}). Can I arrive at 23:00?`, direction: "inbound" },
      });
      await new WebhookWorker({ pool: getPool(), log: () => {} }).runOnce();
      await flushRequestLogs();
      expect((await traces()).length).toBeGreaterThan(5);
      const untouched = await propertyWithKey(["full_access:write"]);

      // A test key answers but erases nothing; another property's key cannot reach the guest.
      const testKey = await keyFor(property, ["guests:write"], "TEST");
      expect((await call(eraseRoute.POST, { method: "POST", key: testKey, params: { id: stay.guestId }, path: "/x" })).status).toBe(200);
      expect((await call(eraseRoute.POST, { method: "POST", key: untouched.key, params: { id: stay.guestId }, path: "/x" })).status).toBe(
        404,
      );
      expect((await db.guest.findUniqueOrThrow({ where: { id: stay.guestId } })).email).toBe(EMAIL);

      const erased = await call(eraseRoute.POST, {
        method: "POST",
        key,
        params: { id: stay.guestId },
        path: `/api/v1/guests/${stay.guestId}/erase`,
      });
      expect(erased.status).toBe(200);
      expect((erased.body as { data: unknown }).data).toMatchObject({
        firstName: "[erased]",
        email: null,
        phone: null,
        erasedAt: expect.any(String),
      });
      await new WebhookWorker({ pool: getPool(), log: () => {} }).runOnce();
      await flushRequestLogs();
      // The guest record is erased at once; the logs, events and deliveries follow in the background.
      expect(await db.guestErasure.findUniqueOrThrow({ where: { guestId: stay.guestId } })).toMatchObject({ status: "running" });
      expect(await runGuestErasures({ now: () => new Date(Date.now() + 60_000), budgetMs: 60_000 })).toBe(1);

      expect(await traces()).toEqual([]);
      // The stay still adds up; its events still read as valid events.
      expect(await db.reservation.findUniqueOrThrow({ where: { id: stay.id } })).toMatchObject({ totalAmount: 100 });
      expect((await call(eventsRoute.GET, { key, path: "/api/v1/events?limit=100" })).status).toBe(200);
      const told = receiver.received.filter((r) => r.json.type === "guest.erased");
      expect(told).toHaveLength(1);
      expect(told[0]!.verified).toBe(true);
      expect(told[0]!.json.data).toEqual({ guest: { id: stay.guestId, erasedAt: expect.any(String) } });
      expect(await db.auditEvent.count({ where: { propertyId: property.id, action: "guest.erased" } })).toBe(1);
      // Erasing again answers the erased guest and changes nothing; the erasure is done.
      const again = await call(eraseRoute.POST, { method: "POST", key, params: { id: stay.guestId }, path: "/x" });
      expect(again.status).toBe(200);
      expect(await db.outboxEvent.count({ where: { propertyId: property.id, type: "guest.erased" } })).toBe(1);
      const progress = await call(erasureRoute.GET, { key, params: { id: stay.guestId }, path: `/api/v1/guests/${stay.guestId}/erasure` });
      expect(progress.body).toMatchObject({ data: { status: "done", rowsScrubbed: expect.any(Number), finishedAt: expect.any(String) } });
      expect(
        (progress.body as { data: { rowsScrubbed: number; rowsScanned: number; rowsTotal: number } }).data.rowsScrubbed,
      ).toBeGreaterThan(3);
    } finally {
      await receiver.close();
    }
  });
});

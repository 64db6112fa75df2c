// One integrator's day, through documented routes only: find a room, read its free nights, book it,
// change the stay, issue and revoke a door code, take a payment and refund part of it, check the guest
// in and out, deliver and answer a guest's message, cancel another stay and erase that guest. Every event arrives as a
// Standard Webhooks delivery that verifies, and GET /events lists the same events in the same order.
// Between them the steps emit every event type of the catalogue: none is documented and never sent.
import { describe, expect, it } from "vitest";
import * as availabilityRoute from "../../app/api/v1/availability/route";
import * as messagesRoute from "../../app/api/v1/conversations/[id]/messages/route";
import * as conversationsRoute from "../../app/api/v1/conversations/route";
import * as eventsRoute from "../../app/api/v1/events/route";
import * as checkinRoute from "../../app/api/v1/guests/checkin/route";
import * as checkoutRoute from "../../app/api/v1/guests/checkout/route";
import * as eraseRoute from "../../app/api/v1/guests/[id]/erase/route";
import * as refundRoute from "../../app/api/v1/payments/[id]/refund/route";
import * as oneAccessRoute from "../../app/api/v1/reservations/[id]/accesses/[accessId]/route";
import * as accessesRoute from "../../app/api/v1/reservations/[id]/accesses/route";
import * as cancelRoute from "../../app/api/v1/reservations/[id]/cancel/route";
import * as stayPaymentsRoute from "../../app/api/v1/reservations/[id]/payments/route";
import * as reservationRoute from "../../app/api/v1/reservations/[id]/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import * as roomsRoute from "../../app/api/v1/rooms/route";
import * as endpointsRoute from "../../app/api/v1/webhook-endpoints/route";
import { call } from "../api-client";
import { propertyWithKey } from "../api-fixtures";
import { startReceiver } from "../webhook-receiver";
import { getPool } from "../../lib/db/client";
import { EVENT_TYPES, OPERATIONAL_EVENT_TYPES } from "../../lib/events/event-catalog";
import { addDaysToDate, propertyToday } from "../../lib/reservations/property-today";
import { WebhookWorker } from "../../lib/webhooks/engine/webhook-worker";

type Data<T> = { data: T };
const ok = <T>(answer: { status: number; body: unknown }, status = 200): T => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return (answer.body as Data<T>).data;
};

describe("an integrator's day", () => {
  it("books, codes, pays, checks in and out, messages and cancels; every event is delivered signed and listed in order", async () => {
    const { property, key } = await propertyWithKey(["full_access:write"], 3);
    const secrets: string[] = [];
    const receiver = await startReceiver({ secrets: () => secrets });
    try {
      const endpoint = ok<{ secret: string }>(
        await call(endpointsRoute.POST, {
          method: "POST",
          path: "/api/v1/webhook-endpoints",
          key,
          body: { url: receiver.url, eventTypes: ["*"] },
        }),
        201,
      );
      secrets.push(endpoint.secret);
      const post = (handler: Parameters<typeof call>[0], params: Record<string, string>, body: unknown) =>
        call(handler, { method: "POST", key, params, path: "/api/v1/x", body });

      // Find a room free for two nights from today, and book it.
      const rooms = ok<{ id: string; number: string; status: string }[]>(await call(roomsRoute.GET, { key, path: "/api/v1/rooms" }));
      expect(rooms).toHaveLength(3);
      const today = propertyToday(property.timezone);
      const leave = addDaysToDate(today, 2);
      const free = ok<{ roomId: string; availableForWholeRange: boolean }[]>(
        await call(availabilityRoute.GET, { key, path: `/api/v1/availability?from=${today}&to=${leave}` }),
      );
      const room = rooms.find((r) => r.id === free.find((f) => f.availableForWholeRange)!.roomId)!;
      const stay = ok<{ id: string; code: string; guestId: string }>(
        await post(
          reservationsRoute.POST,
          {},
          {
            guest: { firstName: "Grace", lastName: "Hopper", email: "grace@example.com" },
            roomId: room.id,
            arrivalDate: today,
            departureDate: leave,
            adults: 1,
            totalAmount: 24000,
          },
        ),
        201,
      );
      ok(
        await call(reservationRoute.PATCH, { method: "PATCH", key, params: { id: stay.id }, path: "/x", body: { notes: "Late arrival" } }),
      );

      // A door code, issued and replaced.
      const code = ok<{ id: string }>(await post(accessesRoute.POST, { id: stay.id }, { lockName: "Front door" }), 201);
      ok(await call(oneAccessRoute.DELETE, { method: "DELETE", key, params: { id: stay.id, accessId: code.id }, path: "/x" }));

      // A payment, and part of it refunded.
      const payment = ok<{ id: string }>(
        await post(stayPaymentsRoute.POST, { id: stay.id }, { amount: 24000, currency: "EUR", method: "card" }),
        201,
      );
      ok(await post(refundRoute.POST, { id: payment.id }, { amount: 4000 }));

      // Check-in and check-out in RecepAI's shape.
      ok(await post(checkinRoute.POST, {}, { pmsGuestId: stay.code, lastName: "Hopper", roomNumber: room.number, checkOutDate: leave }));
      ok(await post(checkoutRoute.POST, {}, { pmsGuestId: stay.code, lastName: "Hopper" }));

      // A messaging platform opens a conversation; the guest writes through it, and the property answers.
      const conversation = ok<{ id: string }>(
        await post(conversationsRoute.POST, {}, { guestId: stay.guestId, channel: "WHATSAPP", reservationId: stay.id }),
        201,
      );
      expect(ok<{ id: string }[]>(await call(conversationsRoute.GET, { key, path: "/api/v1/conversations" })).map((c) => c.id)).toEqual([
        conversation.id,
      ]);
      ok(await post(messagesRoute.POST, { id: conversation.id }, { body: "Where do I park?", direction: "inbound" }), 201);
      ok(await post(messagesRoute.POST, { id: conversation.id }, { body: "Garage level -1." }), 201);

      // Another stay, booked and cancelled.
      const other = rooms.find((r) => r.id !== room.id)!;
      const second = ok<{ id: string; guestId: string }>(
        await post(
          reservationsRoute.POST,
          {},
          {
            guest: { firstName: "Alan", lastName: "Turing" },
            roomId: other.id,
            arrivalDate: addDaysToDate(today, 10),
            departureDate: addDaysToDate(today, 12),
            adults: 1,
            totalAmount: 20000,
          },
        ),
        201,
      );
      ok(await post(cancelRoute.POST, { id: second.id }, undefined));
      // That guest asks to be forgotten.
      ok(await post(eraseRoute.POST, { id: second.guestId }, undefined));

      // The feed, read as a poller would: page by page from the last id.
      const listed: { id: string; type: string }[] = [];
      let after: string | null = null;
      for (;;) {
        const page = (await call(eventsRoute.GET, { key, path: `/api/v1/events?limit=4${after ? `&after=${after}` : ""}` })).body as {
          data: { id: string; type: string }[];
          hasMore: boolean;
          lastEventId: string | null;
        };
        listed.push(...page.data);
        after = page.lastEventId;
        if (!page.hasMore) break;
      }
      expect(listed.map((e) => e.type)).toEqual([
        "reservation.created",
        "reservation.updated",
        "access_code.created",
        "access_code.revoked",
        "payment.created",
        "payment.refunded",
        "guest.checked_in",
        "guest.checked_out",
        "message.received",
        "message.sent",
        "reservation.created",
        "reservation.cancelled",
        "guest.erased",
      ]);
      // No dead catalogue entries: every documented domain event type was sent by the product above (the
      // operational ones, about failing webhooks, are sent in test/alerts/endpoint-alerts.test.ts).
      const domainTypes = EVENT_TYPES.filter((type) => !(OPERATIONAL_EVENT_TYPES as readonly string[]).includes(type));
      expect(new Set(listed.map((e) => e.type))).toEqual(new Set(domainTypes));

      // Every event reaches the endpoint once, verified, under the same event id.
      const worker = new WebhookWorker({ pool: getPool(), log: () => {} });
      await worker.runOnce();
      expect(receiver.received.every((r) => r.verified)).toBe(true);
      expect(receiver.received.map((r) => r.json.id).sort()).toEqual(listed.map((e) => e.id).sort());
      const byId = new Map(receiver.received.map((r) => [r.json.id, r.json]));
      const feed = (await call(eventsRoute.GET, { key, path: "/api/v1/events?limit=100" })).body as { data: { id: string }[] };
      for (const event of feed.data) expect(byId.get(event.id)).toEqual(event);
    } finally {
      await receiver.close();
    }
  });
});

// Trace context and echo suppression, end to end through the real route handlers, engine and receivers:
// a traceparent sent with an API call is kept in its log entry and passed on (as a child span) with the
// webhook POSTs the call caused; an endpoint can skip the events its own integration's key caused.
import { afterEach, describe, expect, it } from "vitest";
import * as endpointRoute from "../../app/api/v1/webhook-endpoints/[id]/route";
import * as endpointsRoute from "../../app/api/v1/webhook-endpoints/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import { call } from "../api-client";
import { keyFor, propertyWithKey } from "../api-fixtures";
import { startReceiver } from "../webhook-receiver";
import { childTraceparent, parseTraceparent } from "../../lib/api/request-context";
import { rollApiKey } from "../../lib/api-keys/roll-api-key";
import { db, getPool } from "../../lib/db/client";
import { recordDomainEvent } from "../../lib/events/record-domain-event";
import { flushRequestLogs } from "../../lib/request-logs/log-writer";
import { WebhookWorker } from "../../lib/webhooks/engine/webhook-worker";

const receivers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const worker = () => new WebhookWorker({ pool: getPool(), random: () => 0.5, log: () => {}, allowPrivate: true });
let night = 0;
const book = (key: string, roomId: string, headers: Record<string, string> = {}) => {
  night += 2;
  const day = (n: number) => new Date(Date.UTC(2032, 0, 1 + n)).toISOString().slice(0, 10);
  return call(reservationsRoute.POST, {
    method: "POST",
    path: "/api/v1/reservations",
    key,
    headers,
    body: {
      guest: { firstName: "Ada", lastName: "Trace" },
      roomId,
      arrivalDate: day(night),
      departureDate: day(night + 1),
      adults: 1,
      totalAmount: 100,
    },
  });
};

async function endpoint(key: string, url: string, extra: Record<string, unknown> = {}) {
  const created = await call(endpointsRoute.POST, {
    method: "POST",
    path: "/api/v1/webhook-endpoints",
    key,
    body: { url, eventTypes: ["reservation.created"], ...extra },
  });
  expect(created.status).toBe(201);
  const data = (created.body as { data: { id: string; skipOwnEvents: boolean } }).data;
  const { ownerKeyId } = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: data.id } });
  return { ...data, ownerKeyId };
}

describe("trace context", () => {
  it("keeps a well-formed traceparent in the request log and sends a child of it with the webhook the call caused", async () => {
    const { key, rooms } = await propertyWithKey();
    const r = await startReceiver();
    receivers.push(r);
    await endpoint(key, r.url);
    const traceparent = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
    const booked = await book(key, rooms[0]!.id, { traceparent });
    expect(booked.status).toBe(201);
    await book(key, rooms[1]!.id, { traceparent: "not-a-trace" });
    await worker().runOnce();
    await flushRequestLogs();

    const logs = await db.requestLog.findMany({ where: { method: "POST", path: "/api/v1/reservations" }, orderBy: { createdAt: "asc" } });
    expect(logs.slice(-2).map((l) => l.traceparent)).toEqual([traceparent, null]);
    expect(r.received).toHaveLength(2);
    // Sent concurrently: told apart by the event each carries.
    const tracedEvent = await db.outboxEvent.findFirstOrThrow({ where: { traceparent } });
    const traced = r.received.find((m) => m.json.id === tracedEvent.id);
    const untraced = r.received.find((m) => m.json.id !== tracedEvent.id);
    expect(traced!.traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
    expect(traced!.traceparent).not.toBe(traceparent); // a child span: the attempt
    expect(untraced!.traceparent).toBeNull();
    const attempt = await db.webhookAttempt.findFirstOrThrow({ where: { delivery: { eventId: traced!.json.id } } });
    expect((attempt.requestHeaders as Record<string, string>).traceparent).toBe(traced!.traceparent);
  });

  it("reads traceparent as W3C Trace Context does", () => {
    expect(parseTraceparent(`00-${TRACE_ID}-00f067aa0ba902b7-01`)).toBe(`00-${TRACE_ID}-00f067aa0ba902b7-01`);
    expect(parseTraceparent(`00-${TRACE_ID.toUpperCase()}-00F067AA0BA902B7-00`)).toBe(`00-${TRACE_ID}-00f067aa0ba902b7-00`);
    expect(parseTraceparent(`00-${"0".repeat(32)}-00f067aa0ba902b7-01`)).toBeNull();
    expect(parseTraceparent(`00-${TRACE_ID}-${"0".repeat(16)}-01`)).toBeNull();
    expect(parseTraceparent(`ff-${TRACE_ID}-00f067aa0ba902b7-01`)).toBeNull();
    expect(parseTraceparent(`00-${TRACE_ID}-00f067aa0ba902b7`)).toBeNull();
    expect(parseTraceparent(null)).toBeNull();
    const child = childTraceparent(`00-${TRACE_ID}-00f067aa0ba902b7-01`);
    expect(child).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
  });
});

describe("echo suppression", () => {
  it("skips the events its own key caused while on, keeps everyone else's, and follows the key through a roll", async () => {
    const { property, key, rooms } = await propertyWithKey();
    const other = await keyFor(property, ["full_access:write"]);
    const mine = await startReceiver();
    receivers.push(mine);
    const created = await endpoint(key, mine.url, { skipOwnEvents: true });
    expect(created.skipOwnEvents).toBe(true);

    await book(key, rooms[0]!.id); // its own write: skipped
    await book(other, rooms[1]!.id); // another integration's: sent
    // A change made in the dashboard (no API key): sent.
    await db.$transaction((tx) =>
      recordDomainEvent(tx, {
        propertyId: property.id,
        type: "guest.erased",
        data: { guest: { id: "gst_x", erasedAt: new Date().toISOString() } },
      }),
    );
    await db.webhookEndpoint.update({ where: { id: created.id }, data: { eventTypes: ["reservation.created", "guest.erased"] } });
    await worker().runOnce();
    // Another key's booking and the dashboard's erasure arrive; its own booking does not.
    expect(mine.received.map((m) => m.json.type).sort()).toEqual(["guest.erased", "reservation.created"]);
    const otherKeyEvent = await db.outboxEvent.findFirstOrThrow({
      where: { propertyId: property.id, type: "reservation.created", apiKeyId: { not: created.ownerKeyId ?? undefined } },
    });
    expect(mine.received.find((m) => m.json.type === "reservation.created")!.json.id).toBe(otherKeyEvent.id);
    expect(await db.webhookDelivery.count({ where: { endpointId: created.id } })).toBe(2);

    // Rolled: the new key is still the integration's own.
    const keyId = (
      await db.apiKey.findFirstOrThrow({ where: { propertyId: property.id, name: "test LIVE" }, orderBy: { createdAt: "asc" } })
    ).id;
    const [rolled] = await rollApiKey({
      property,
      actor: { type: "USER", id: null, label: "Admin" },
      input: { keyId, grace: "now", pair: false },
    });
    await book(rolled!.key, rooms[2]!.id);
    await worker().runOnce();
    expect(await db.webhookDelivery.count({ where: { endpointId: created.id } })).toBe(2);

    // Off: its own writes come back to it.
    const off = await call(endpointRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/webhook-endpoints/${created.id}`,
      key: rolled!.key,
      params: { id: created.id },
      body: { skipOwnEvents: false },
    });
    expect((off.body as { data: { skipOwnEvents: boolean } }).data.skipOwnEvents).toBe(false);
    await book(rolled!.key, rooms[3]!.id);
    await worker().runOnce();
    expect(await db.webhookDelivery.count({ where: { endpointId: created.id } })).toBe(3);
  });
});

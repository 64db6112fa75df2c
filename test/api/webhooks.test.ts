// Webhooks end to end against a real local HTTP receiver that verifies every delivery with the
// `standardwebhooks` package: fan-out, signatures, retries on schedule (the clock is injected, never
// slept), 410, Retry-After, timeouts, response capture, rotation, resend, and the API's contract.
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import * as messagesRoute from "../../app/api/v1/conversations/[id]/messages/route";
import * as checkinRoute from "../../app/api/v1/guests/checkin/route";
import * as checkoutRoute from "../../app/api/v1/guests/checkout/route";
import * as cancelRoute from "../../app/api/v1/reservations/[id]/cancel/route";
import * as reservationRoute from "../../app/api/v1/reservations/[id]/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import * as deliveriesRoute from "../../app/api/v1/webhook-endpoints/[id]/deliveries/route";
import * as rotateRoute from "../../app/api/v1/webhook-endpoints/[id]/rotate-secret/route";
import * as endpointRoute from "../../app/api/v1/webhook-endpoints/[id]/route";
import * as endpointsRoute from "../../app/api/v1/webhook-endpoints/route";
import { call } from "../api-client";
import { eventEnvelope } from "../../lib/events/event-catalog";
import { propertyWithKey } from "../api-fixtures";
import { startReceiver, type Answer } from "../webhook-receiver";
import { databaseSettings, db, getPool } from "../../lib/db/client";
import { env } from "../../lib/env";
import { recordDomainEvent } from "../../lib/events/record-domain-event";
import { flushRequestLogs } from "../../lib/request-logs/log-writer";
import { endpointHealth } from "../../lib/webhooks/endpoint-health";
import { failedDeliveryCounts, getEndpointView } from "../../lib/webhooks/list-endpoint-views";
import { resendDelivery } from "../../lib/webhooks/resend-delivery";
import { retryFailedDeliveries } from "../../lib/webhooks/retry-failed-deliveries";
import { sendTestEvent } from "../../lib/webhooks/send-test-event";
import { serializeEndpoint } from "../../lib/webhooks/serialize-webhooks";
import { purgeWebhookHistory } from "../../lib/webhooks/purge-webhook-history";
import { claimDueDeliveries, FAILING_DISABLE_AFTER_MS, fanOutEvents, recordAttempts } from "../../lib/webhooks/engine/delivery-queue";
import {
  describeRetrySchedule,
  EXTENDED_RETRY_DELAYS_MS,
  MAX_ATTEMPTS,
  maxAttempts,
  RETRY_DELAYS_MS,
  retryDelayMs,
} from "../../lib/webhooks/engine/retry-schedule";
import { WebhookWorker } from "../../lib/webhooks/engine/webhook-worker";

const system = { type: "SYSTEM" as const, id: null, label: "test" };
const receivers: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await db.webhookEndpoint.deleteMany();
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(answer?: (count: number) => Answer | Promise<Answer>) {
  const secrets: string[] = [];
  const r = await startReceiver({ secrets: () => secrets, answer: answer ? (_received, count) => answer(count) : undefined });
  receivers.push(r);
  return { ...r, secrets };
}

/** How a disabled sentence writes a time: UTC, to the minute. */
const utcMinute = (date: Date) => `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)}`;

function clockAt(start = new Date()) {
  const clock = { now: start, at: () => clock.now, advance: (ms: number) => (clock.now = new Date(clock.now.getTime() + ms)) };
  return clock;
}

async function setup(eventTypes: string[] = ["reservation.created"], answer?: (count: number) => Answer | Promise<Answer>) {
  const fixture = await propertyWithKey();
  const r = await receiver(answer);
  const created = await call(endpointsRoute.POST, {
    method: "POST",
    path: "/api/v1/webhook-endpoints",
    key: fixture.key,
    body: { url: r.url, eventTypes, description: "PMS sync" },
  });
  expect(created.status).toBe(201);
  const endpoint = (created.body as { data: { id: string; secret: string } }).data;
  r.secrets.push(endpoint.secret);
  return { ...fixture, receiver: r, endpoint };
}

const book = (key: string, roomId: string, arrival = "2031-03-01") =>
  call(reservationsRoute.POST, {
    method: "POST",
    path: "/api/v1/reservations",
    key,
    body: {
      guest: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" },
      roomId,
      arrivalDate: arrival,
      departureDate: "2031-03-20",
      adults: 1,
      totalAmount: 1000,
    },
  });

async function emit(
  propertyId: string,
  type: "reservation.created" | "guest.checked_in" = "reservation.created",
  data: Record<string, unknown> = { n: 1 },
) {
  return db.$transaction((tx) => recordDomainEvent(tx, { propertyId, type, data: data as never }));
}

/** A worker on `clock` (the real time when none is given), with the jitter at its midpoint. */
const worker = (clock?: ReturnType<typeof clockAt>, options: Partial<ConstructorParameters<typeof WebhookWorker>[0]> = {}) =>
  new WebhookWorker({ pool: getPool(), clock: clock?.at, random: () => 0.5, log: () => {}, ...options });

describe("delivery", () => {
  it("delivers a committed event to the subscribed endpoint, signed so Webhook.verify accepts it", async () => {
    const { key, rooms, receiver: r, endpoint } = await setup();
    const booked = await book(key, rooms[0]!.id);
    expect(booked.status).toBe(201);
    const reservation = (booked.body as { data: { id: string; code: string } }).data;

    await worker().runOnce();

    expect(r.received).toHaveLength(1);
    const got = r.received[0]!;
    expect(got.verifyError).toBeNull();
    expect(got.verified).toBe(true);
    expect(got.signature).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(Object.keys(got.json)).toEqual(["id", "type", "createdAt", "data"]);
    expect(got.json).toMatchObject({ type: "reservation.created", data: { reservation: { id: reservation.id, code: reservation.code } } });
    expect(got.json.id).toMatch(/^evt_/);
    expect(new Date(got.json.createdAt).toISOString()).toBe(got.json.createdAt);
    // The body is exactly what the OpenAPI document's `webhooks` section promises.
    expect(eventEnvelope("reservation.created").parse(got.json)).toBeTruthy();

    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id }, include: { attempts: true } });
    expect(delivery).toMatchObject({ id: got.id, eventId: got.json.id, status: "SUCCEEDED", attemptCount: 1, lastStatusCode: 200 });
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0]).toMatchObject({
      attemptNumber: 1,
      responseStatus: 200,
      responseBody: "ok",
      requestBody: got.body,
      error: null,
    });
    expect((delivery.attempts[0]!.requestHeaders as Record<string, string>)["webhook-id"]).toBe(got.id);
    expect((delivery.attempts[0]!.responseHeaders as Record<string, string>)["content-type"]).toBe("text/plain");
  });

  it("sends each event only to enabled endpoints subscribed to its type (or *)", async () => {
    const { property, key, rooms, receiver: created } = await setup(["reservation.created"]);
    const all = await receiver();
    const other = await receiver();
    const off = await receiver();
    for (const [r, eventTypes, enabled] of [
      [all, ["*"], true],
      [other, ["guest.checked_in"], true],
      [off, ["*"], false],
    ] as const) {
      const res = await call(endpointsRoute.POST, {
        method: "POST",
        path: "/api/v1/webhook-endpoints",
        key,
        body: { url: r.url, eventTypes, enabled },
      });
      expect(res.status).toBe(201);
      r.secrets.push((res.body as { data: { secret: string } }).data.secret);
    }
    await book(key, rooms[0]!.id);
    await emit(property.id, "guest.checked_in");
    await worker().runOnce();
    expect(created.received.map((r) => r.json.type)).toEqual(["reservation.created"]);
    expect(all.received.map((r) => r.json.type).sort()).toEqual(["guest.checked_in", "reservation.created"]);
    expect(other.received.map((r) => r.json.type)).toEqual(["guest.checked_in"]);
    expect(off.received).toHaveLength(0);
    expect([...created.received, ...all.received, ...other.received].every((r) => r.verified)).toBe(true);
  });

  it("does not send events that happened before the endpoint existed", async () => {
    const fixture = await propertyWithKey();
    await emit(fixture.property.id);
    const r = await receiver();
    await call(endpointsRoute.POST, {
      method: "POST",
      path: "/api/v1/webhook-endpoints",
      key: fixture.key,
      body: { url: r.url, eventTypes: ["*"] },
    });
    await worker().runOnce();
    expect(r.received).toHaveLength(0);
  });

  it("retries failures on the schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), then marks the delivery failed", async () => {
    const { property, receiver: r, endpoint } = await setup(["reservation.created"], () => ({ status: 500, body: "boom" }));
    const clock = clockAt();
    const w = worker(clock);
    await emit(property.id);
    await w.runOnce();
    expect(r.received).toHaveLength(1);
    for (const delay of RETRY_DELAYS_MS) {
      const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
      expect(delivery.status).toBe("PENDING");
      // random() = 0.5: the jitter's midpoint, so the delay is exact.
      expect(delivery.nextAttemptAt!.getTime() - clock.now.getTime()).toBe(delay);
      const before = r.received.length;
      clock.advance(delay - 1000);
      await w.runOnce();
      expect(r.received).toHaveLength(before);
      clock.advance(1000);
      await w.runOnce();
      expect(r.received).toHaveLength(before + 1);
    }
    expect(r.received).toHaveLength(MAX_ATTEMPTS);
    expect(new Set(r.received.map((x) => x.id)).size).toBe(1);
    expect(r.received.every((x) => x.verified)).toBe(true);
    const failed = await db.webhookDelivery.findFirstOrThrow({
      where: { endpointId: endpoint.id },
      include: { attempts: { orderBy: { attemptNumber: "asc" } } },
    });
    expect(failed).toMatchObject({ status: "FAILED", attemptCount: 8, nextAttemptAt: null, lastStatusCode: 500 });
    expect(failed.attempts.map((a) => a.attemptNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(failed.attempts.every((a) => a.responseBody === "boom")).toBe(true);
    clock.advance(24 * 3_600_000);
    await w.runOnce();
    expect(r.received).toHaveLength(MAX_ATTEMPTS);
  });

  it("retries an endpoint on the extended schedule for more than 3 days: the standard steps, then 24 h and 24 h", async () => {
    const { key, property, receiver: r, endpoint } = await setup(["reservation.created"], () => ({ status: 503 }));
    const changed = await call(endpointRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/webhook-endpoints/${endpoint.id}`,
      key,
      params: { id: endpoint.id },
      body: { retrySchedule: "extended" },
    });
    expect(changed.status).toBe(200);
    expect((changed.body as { data: { retrySchedule: string } }).data.retrySchedule).toBe("extended");
    const clock = clockAt();
    const first = clock.now.getTime();
    const w = worker(clock);
    await emit(property.id);
    await w.runOnce();
    for (const delay of EXTENDED_RETRY_DELAYS_MS) {
      const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
      expect(delivery.status).toBe("PENDING");
      expect(delivery.nextAttemptAt!.getTime() - clock.now.getTime()).toBe(delay);
      clock.advance(delay);
      await w.runOnce();
    }
    expect(r.received).toHaveLength(maxAttempts("extended"));
    expect(maxAttempts("extended")).toBe(10);
    expect(new Set(r.received.map((x) => x.id)).size).toBe(1);
    const failed = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(failed).toMatchObject({ status: "FAILED", attemptCount: 10, nextAttemptAt: null });
    // The last attempt came more than 3 days after the first.
    expect(failed.lastAttemptAt!.getTime() - first).toBeGreaterThan(3 * 24 * 3_600_000);
    expect(describeRetrySchedule("extended")).toBe("10 attempts over about 3 days");
    expect(describeRetrySchedule("standard")).toBe("8 attempts over about 28 hours");
  });

  it("refuses a retry schedule it does not know, and keeps the endpoint as it was", async () => {
    const { key, endpoint } = await setup();
    const refused = await call(endpointRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/webhook-endpoints/${endpoint.id}`,
      key,
      params: { id: endpoint.id },
      body: { retrySchedule: "forever" },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: "VALIDATION_ERROR",
      details: [{ path: "retrySchedule", message: 'retrySchedule must be one of "standard", "extended"' }],
    });
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).retrySchedule).toBe("standard");
  });

  it("spreads each retry by ±10 %", () => {
    expect(retryDelayMs(1, () => 0)).toBe(4_500);
    expect(retryDelayMs(1, () => 0.999999)).toBeCloseTo(5_500, -1);
    expect(retryDelayMs(2, () => 0)).toBe(270_000);
    expect(retryDelayMs(8, () => 0.5)).toBeNull();
    expect(retryDelayMs(8, () => 0, "extended")).toBe(24 * 3_600_000 * 0.9);
    expect(retryDelayMs(10, () => 0.5, "extended")).toBeNull();
    const spread = new Set(Array.from({ length: 50 }, () => retryDelayMs(3)));
    expect(spread.size).toBeGreaterThan(10);
    for (const delay of spread) expect(delay! >= 27 * 60_000 && delay! <= 33 * 60_000).toBe(true);
  });

  it("disables the endpoint on 410 Gone and stops sending to it", async () => {
    const { property, receiver: r, endpoint } = await setup(["*"], () => ({ status: 410 }));
    await emit(property.id);
    const w = worker();
    await w.runOnce();
    const after = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(after).toMatchObject({ enabled: false, disabledCause: "GONE", disabledBy: null });
    expect(serializeEndpoint(after).disabledReason).toBe(
      `Disabled automatically: the endpoint answered 410 Gone on ${utcMinute(after.disabledAt!)} UTC.`,
    );
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } })).toMatchObject({
      status: "FAILED",
      attemptCount: 1,
    });
    await emit(property.id);
    await w.runOnce();
    expect(r.received).toHaveLength(1);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
  });

  it("honours Retry-After on 429 and 503", async () => {
    const { property, endpoint } = await setup(["*"], (count) =>
      count === 1 ? { status: 429, headers: { "retry-after": "120" } } : { status: 503, headers: { "retry-after": "3" } },
    );
    const clock = clockAt();
    const w = worker(clock);
    await emit(property.id);
    await w.runOnce();
    let delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(delivery.nextAttemptAt!.getTime() - clock.now.getTime()).toBe(120_000);
    clock.advance(120_000);
    await w.runOnce();
    // A Retry-After shorter than the schedule's next step does not bring the attempt forward.
    delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(delivery.attemptCount).toBe(2);
    expect(delivery.nextAttemptAt!.getTime() - clock.now.getTime()).toBe(5 * 60_000);
  });

  it("disables an endpoint whose deliveries all failed for 5 days, with the reason; a success resets the streak", async () => {
    let ok = false;
    const { property, endpoint } = await setup(["*"], () => (ok ? { status: 200 } : { status: 500 }));
    const clock = clockAt();
    const w = worker(clock);
    await emit(property.id);
    await w.runOnce();
    const since = (await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince;
    expect(since).not.toBeNull();
    clock.advance(3 * 24 * 3_600_000);
    ok = true;
    await emit(property.id);
    await w.runOnce();
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).toBeNull();
    ok = false;
    await emit(property.id);
    await w.runOnce();
    const run = (await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince!;
    clock.advance(FAILING_DISABLE_AFTER_MS - 60_000);
    await emit(property.id);
    await w.runOnce();
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).enabled).toBe(true);
    clock.advance(120_000);
    // One delivery is in flight elsewhere while this round disables the endpoint.
    await emit(property.id);
    await emit(property.id);
    await fanOutEvents(getPool(), clock.now);
    const [inFlight] = await claimDueDeliveries(getPool(), clock.now, new Date(clock.now.getTime() + 30_000), 1);
    await w.runOnce();
    const disabled = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    const sentence = `Disabled automatically: every delivery failed for 5 days (since ${utcMinute(run)} UTC).`;
    expect(disabled).toMatchObject({ enabled: false, disabledCause: "FAILING", disabledBy: null, failingSince: run });
    expect(serializeEndpoint(disabled).disabledReason).toBe(sentence);
    // Its late success is recorded, but the endpoint keeps the start of the run that disabled it (and so its sentence).
    const late = {
      delivery: inFlight!,
      request: { url: endpoint.id, headers: {}, body: inFlight!.payload },
      result: { startedAt: clock.now, durationMs: 5, status: 200, headers: {}, body: "", error: null },
      at: clock.now,
    };
    expect(await recordAttempts(getPool(), [late])).toEqual([inFlight!.id]);
    const after = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(after).toMatchObject({ enabled: false, failingSince: run, consecutiveFailures: 0 });
    expect(serializeEndpoint(after).disabledReason).toBe(sentence);
  });

  it("retries a timeout and a network error; keeps only the first 32 KB of an answer; does not follow redirects", async () => {
    const big = "x".repeat(100 * 1024);
    const {
      property,
      receiver: r,
      endpoint,
    } = await setup(["*"], (count) =>
      count === 1
        ? { status: 200, hang: true }
        : count === 2
          ? { status: 302, headers: { location: "http://127.0.0.1:1/elsewhere" } }
          : { status: 200, body: big },
    );
    const clock = clockAt();
    const w = worker(clock, { timeoutMs: 300 });
    await emit(property.id);
    await w.runOnce();
    clock.advance(RETRY_DELAYS_MS[0]);
    await w.runOnce();
    clock.advance(RETRY_DELAYS_MS[1]);
    await w.runOnce();
    expect(r.received).toHaveLength(3);
    const delivery = await db.webhookDelivery.findFirstOrThrow({
      where: { endpointId: endpoint.id },
      include: { attempts: { orderBy: { attemptNumber: "asc" } } },
    });
    expect(delivery.status).toBe("SUCCEEDED");
    const [timeout, redirect, success] = delivery.attempts;
    expect(timeout).toMatchObject({ responseStatus: null, error: "Timed out after 0.3 s" });
    expect(redirect).toMatchObject({ responseStatus: 302, error: null });
    expect(Buffer.byteLength(success!.responseBody!)).toBeLessThan(33 * 1024);
    expect(success!.responseBody).toMatch(/…\[truncated at 32 KB\]$/);

    // Nobody listening: a connection error, recorded and scheduled again.
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { url: "http://127.0.0.1:1/closed" } });
    await emit(property.id);
    await w.runOnce();
    const refused = await db.webhookDelivery.findFirstOrThrow({
      where: { endpointId: endpoint.id, status: "PENDING" },
      include: { attempts: true },
    });
    expect(refused.attempts[0]!.error).toMatch(/ECONNREFUSED/);
  });
});

describe("event bodies", () => {
  it("every event the services emit arrives in the shape the OpenAPI document's webhooks section declares", async () => {
    const { property, key, rooms, receiver: r } = await setup(["*"]);
    const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const booked = await call(reservationsRoute.POST, {
      method: "POST",
      key,
      body: {
        guest: { firstName: "Jane", lastName: "Doe" },
        roomId: rooms[0]!.id,
        arrivalDate: future(0),
        departureDate: future(3),
        adults: 1,
        totalAmount: 10000,
      },
    });
    const { id, code } = (booked.body as { data: { id: string; code: string } }).data;
    expect((await call(reservationRoute.PATCH, { method: "PATCH", key, params: { id }, body: { notes: "Late arrival" } })).status).toBe(
      200,
    );
    expect(
      (
        await call(checkinRoute.POST, {
          method: "POST",
          key,
          body: { pmsGuestId: code, lastName: "Doe", roomNumber: "102", checkOutDate: future(4) },
        })
      ).status,
    ).toBe(200);
    expect((await call(checkoutRoute.POST, { method: "POST", key, body: { pmsGuestId: code, lastName: "Doe" } })).status).toBe(200);
    const other = await book(key, rooms[2]!.id);
    const otherId = (other.body as { data: { id: string } }).data.id;
    expect((await call(cancelRoute.POST, { method: "POST", key, params: { id: otherId } })).status).toBe(200);
    const guest = await db.guest.create({ data: { propertyId: property.id, firstName: "A", lastName: "B" } });
    const thread = await db.conversation.create({ data: { propertyId: property.id, guestId: guest.id, channel: "EMAIL", status: "OPEN" } });
    expect(
      (await call(messagesRoute.POST, { method: "POST", key, params: { id: thread.id }, body: { body: "See you at 3pm!" } })).status,
    ).toBe(201);

    await worker().runOnce();
    const types = r.received.map((x) => x.json.type).sort();
    expect(types).toEqual([
      "guest.checked_in",
      "guest.checked_out",
      "message.sent",
      "reservation.cancelled",
      "reservation.created",
      "reservation.created",
      "reservation.updated",
    ]);
    for (const got of r.received) {
      expect(got.verified).toBe(true);
      const parsed = eventEnvelope(got.json.type as "reservation.created").safeParse(got.json);
      expect(parsed.success, `${got.json.type}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });
});

describe("signing secret rotation", () => {
  it("signs with both secrets for 24 hours after a rotation, then with the new one only", async () => {
    const { property, key, receiver: r, endpoint } = await setup(["*"]);
    const rotated = await call(rotateRoute.POST, {
      method: "POST",
      path: `/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`,
      key,
      params: { id: endpoint.id },
    });
    expect(rotated.status).toBe(200);
    const fresh = (rotated.body as { data: { secret: string; secretRotationEndsAt: string } }).data;
    expect(fresh.secret).toMatch(/^whsec_/);
    expect(fresh.secret).not.toBe(endpoint.secret);
    const clock = clockAt();
    const w = worker(clock);
    await emit(property.id);
    await w.runOnce();
    const both = r.received[0]!;
    expect(both.signature.split(" ")).toHaveLength(2);
    // Old secret alone verifies (it is the only one the receiver knows so far)...
    expect(both.verified).toBe(true);
    // ...and so does the new one alone.
    r.secrets.splice(0, r.secrets.length, fresh.secret);
    await emit(property.id);
    clock.advance(24 * 3_600_000 + 1000);
    await w.runOnce();
    const after = r.received[1]!;
    expect(after.verified).toBe(true);
    expect(after.signature.split(" ")).toHaveLength(1);
    r.secrets.splice(0, r.secrets.length, endpoint.secret);
    await emit(property.id);
    await w.runOnce();
    expect(r.received[2]!.verified).toBe(false);
  });
});

describe("resend, retry all failed, test event", () => {
  it("resends a delivery with the same webhook-id; retries every failed delivery of an endpoint; sends a ping", async () => {
    let fail = true;
    const { property, receiver: r, endpoint } = await setup(["*"], () => (fail ? { status: 410 } : { status: 200 }));
    await emit(property.id);
    await emit(property.id);
    const w = worker();
    await w.runOnce();
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "FAILED" } })).toBe(2);
    await expect(retryFailedDeliveries({ propertyId: property.id, actor: system }, endpoint.id)).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: true } });
    fail = false;
    expect(await retryFailedDeliveries({ propertyId: property.id, actor: system }, endpoint.id)).toBe(2);
    await w.runOnce();
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "SUCCEEDED" } })).toBe(2);

    const first = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id }, orderBy: { createdAt: "asc" } });
    await resendDelivery({ propertyId: property.id, actor: system }, first.id);
    await w.runOnce();
    const copies = r.received.filter((x) => x.id === first.id);
    expect(copies.length).toBe(3);
    expect(new Set(copies.map((x) => x.body)).size).toBe(1);
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: first.id } })).attemptCount).toBe(3);

    const ping = await sendTestEvent({ propertyId: property.id, actor: system }, endpoint.id);
    await w.runOnce();
    const pinged = r.received.find((x) => x.id === ping.id)!;
    expect(pinged.verified).toBe(true);
    expect(pinged.json).toMatchObject({ type: "ping", data: { endpointId: endpoint.id } });
  });

  // On PostgreSQL the two workers have pools of their own, so their claims really race (FOR UPDATE
  // SKIP LOCKED decides); the embedded database runs one session, so there they take turns and the
  // test checks the leases alone.
  it("two workers at once never send the same delivery twice", async () => {
    const { property, receiver: r } = await setup(["*"]);
    for (let i = 0; i < 200; i++) await emit(property.id, "reservation.created", { i });
    const separate = env().TEST_DATABASE_URL !== undefined;
    const pools = separate
      ? [
          new pg.Pool({ connectionString: databaseSettings().url, max: 4 }),
          new pg.Pool({ connectionString: databaseSettings().url, max: 4 }),
        ]
      : [getPool(), getPool()];
    try {
      const runs = pools.map((pool) => worker(undefined, { pool, concurrency: 8, endpointConcurrency: 8, pollMs: 10 }));
      for (const w of runs) w.start();
      const deadline = Date.now() + 20_000;
      while (runs[0]!.recorded + runs[1]!.recorded < 200 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      await Promise.all(runs.map((w) => w.stop()));
      expect(r.received).toHaveLength(200);
      expect(new Set(r.received.map((x) => x.id)).size).toBe(200);
      // Each delivery was recorded by exactly one of them.
      expect(runs[0]!.recorded + runs[1]!.recorded).toBe(200);
    } finally {
      if (separate) await Promise.all(pools.map((pool) => pool.end()));
    }
  });
});

describe("/api/v1/webhook-endpoints", () => {
  it("lists, gets, changes and deletes endpoints; the secret appears only at creation", async () => {
    const { key, endpoint, receiver: r } = await setup(["reservation.created"]);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const list = await call(endpointsRoute.GET, { path: "/api/v1/webhook-endpoints", key });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      data: [{ id: endpoint.id, url: r.url, eventTypes: ["reservation.created"], enabled: true, description: "PMS sync" }],
      nextCursor: null,
      livemode: true,
    });
    expect(list.text).not.toContain("whsec_");
    const one = await call(endpointRoute.GET, { path: `/api/v1/webhook-endpoints/${endpoint.id}`, key, params: { id: endpoint.id } });
    expect(one.status).toBe(200);
    expect(one.text).not.toContain("whsec_");

    const patched = await call(endpointRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/webhook-endpoints/${endpoint.id}`,
      key,
      params: { id: endpoint.id },
      body: { eventTypes: ["reservation.cancelled", "reservation.created", "*"], enabled: false },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      data: { eventTypes: ["*"], enabled: false, disabledReason: expect.stringMatching(/^Disabled by API key “.+” \(….{4}\)\.$/) },
    });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      disabledCause: "BY_USER",
      disabledBy: (patched.body as { data: { disabledReason: string } }).data.disabledReason.slice("Disabled by ".length, -1),
    });
    const enabled = await call(endpointRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/webhook-endpoints/${endpoint.id}`,
      key,
      params: { id: endpoint.id },
      body: { enabled: true },
    });
    expect(enabled.body).toMatchObject({ data: { enabled: true, disabledReason: null } });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      disabledCause: null,
      disabledBy: null,
      disabledAt: null,
    });
    const createdDisabled = await call(endpointsRoute.POST, {
      method: "POST",
      path: "/api/v1/webhook-endpoints",
      key,
      body: { url: r.url, eventTypes: ["*"], enabled: false },
    });
    expect(createdDisabled.body).toMatchObject({ data: { enabled: false, disabledReason: "Disabled when created." } });
    const createdDisabledId = (createdDisabled.body as { data: { id: string } }).data.id;
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: createdDisabledId } })).toMatchObject({
      disabledCause: "CREATED_DISABLED",
      disabledBy: null,
    });
    await db.webhookEndpoint.delete({ where: { id: createdDisabledId } });

    const bad = await call(endpointRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/webhook-endpoints/${endpoint.id}`,
      key,
      params: { id: endpoint.id },
      body: { eventTypes: ["reservation.exploded"], color: "red" },
    });
    expect(bad.status).toBe(400);
    expect((bad.body!.details as { path: string }[]).map((d) => d.path).sort()).toEqual(["", "eventTypes.0"]);

    const removed = await call(endpointRoute.DELETE, {
      method: "DELETE",
      path: `/api/v1/webhook-endpoints/${endpoint.id}`,
      key,
      params: { id: endpoint.id },
    });
    expect(removed.status).toBe(200);
    const gone = await call(endpointRoute.GET, { path: `/api/v1/webhook-endpoints/${endpoint.id}`, key, params: { id: endpoint.id } });
    expect(gone.status).toBe(404);
    expect(await db.auditEvent.count({ where: { targetId: endpoint.id } })).toBe(4);
  });

  it("lists an endpoint's deliveries with their attempts, filtered and paginated", async () => {
    const { property, key, rooms, endpoint } = await setup(["*"], (count) => ({
      status: count % 2 === 0 ? 500 : 200,
      body: `answer ${count}`,
    }));
    const booked = await book(key, rooms[0]!.id);
    const id = (booked.body as { data: { id: string } }).data.id;
    await call(cancelRoute.POST, { method: "POST", path: `/api/v1/reservations/${id}/cancel`, key, params: { id } });
    await emit(property.id, "guest.checked_in");
    await worker().runOnce();
    const path = `/api/v1/webhook-endpoints/${endpoint.id}/deliveries`;
    const all = await call(deliveriesRoute.GET, { path, key, params: { id: endpoint.id } });
    expect(all.status).toBe(200);
    const data = (all.body as { data: { eventType: string; status: string; attempts: { responseBody: string }[] }[] }).data;
    expect(data).toHaveLength(3);
    expect(data.every((d) => d.attempts.length === 1)).toBe(true);
    const failed = await call(deliveriesRoute.GET, { path: `${path}?status=PENDING`, key, params: { id: endpoint.id } });
    expect((failed.body as { data: unknown[] }).data).toHaveLength(1);
    const typed = await call(deliveriesRoute.GET, { path: `${path}?eventType=reservation.cancelled`, key, params: { id: endpoint.id } });
    const cancelled = (typed.body as { data: { eventType: string; attempts: { requestBody: string }[] }[] }).data;
    expect(cancelled.map((d) => d.eventType)).toEqual(["reservation.cancelled"]);
    expect(eventEnvelope("reservation.cancelled").parse(JSON.parse(cancelled[0]!.attempts[0]!.requestBody))).toMatchObject({
      data: { reservation: { id, status: "CANCELLED" } },
    });
    const first = await call(deliveriesRoute.GET, { path: `${path}?limit=2`, key, params: { id: endpoint.id } });
    const cursor = (first.body as { nextCursor: string }).nextCursor;
    const second = await call(deliveriesRoute.GET, { path: `${path}?limit=2&cursor=${cursor}`, key, params: { id: endpoint.id } });
    const ids = [...(first.body as { data: { id: string }[] }).data, ...(second.body as { data: { id: string }[] }).data].map((d) => d.id);
    expect(new Set(ids).size).toBe(3);
    const bad = await call(deliveriesRoute.GET, { path: `${path}?status=LOST`, key, params: { id: endpoint.id } });
    expect(bad.status).toBe(400);
  });

  it("guards endpoints by scope and by property", async () => {
    const { endpoint } = await setup();
    const reader = await propertyWithKey(["reservations:read"]);
    const denied = await call(endpointsRoute.GET, { path: "/api/v1/webhook-endpoints", key: reader.key });
    expect(denied.status).toBe(403);
    const webhooksReader = await propertyWithKey(["webhooks:read"]);
    const list = await call(endpointsRoute.GET, { path: "/api/v1/webhook-endpoints", key: webhooksReader.key });
    expect(list.body).toMatchObject({ data: [] });
    const create = await call(endpointsRoute.POST, {
      method: "POST",
      path: "/api/v1/webhook-endpoints",
      key: webhooksReader.key,
      body: { url: "https://example.com/x", eventTypes: ["*"] },
    });
    expect(create.status).toBe(403);
    const foreign = await call(endpointRoute.GET, {
      path: `/api/v1/webhook-endpoints/${endpoint.id}`,
      key: webhooksReader.key,
      params: { id: endpoint.id },
    });
    expect(foreign.status).toBe(404);
    const foreignDeliveries = await call(deliveriesRoute.GET, {
      path: `/api/v1/webhook-endpoints/${endpoint.id}/deliveries`,
      key: webhooksReader.key,
      params: { id: endpoint.id },
    });
    expect(foreignDeliveries.status).toBe(404);
  });
});

describe("endpoint health", () => {
  it("counts the last 24 hours' deliveries and names each endpoint's latest one", async () => {
    const { property, endpoint } = await setup(["*"], (count) => ({ status: count === 2 ? 500 : 200 }));
    const idle = await call(endpointsRoute.POST, {
      method: "POST",
      path: "/api/v1/webhook-endpoints",
      key: (await propertyWithKey()).key,
      body: { url: "https://example.com/never", eventTypes: ["guest.checked_out"] },
    });
    const idleId = (idle.body as { data: { id: string } }).data.id;
    for (let i = 0; i < 3; i++) {
      await emit(property.id, "reservation.created", { i });
      await worker().runOnce();
    }
    const health = await endpointHealth([endpoint.id, idleId]);
    const latest = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id }, orderBy: { lastAttemptAt: "desc" } });
    expect(health.get(endpoint.id)).toMatchObject({
      attempted24h: 3,
      succeeded24h: 2,
      lastDelivery: { id: latest.id, status: "SUCCEEDED", statusCode: 200, eventType: "reservation.created" },
    });
    expect(health.get(idleId)).toEqual({ attempted24h: 0, succeeded24h: 0, lastDelivery: null });
  });

  it("counts each endpoint's failed deliveries, what Retry failed would queue again", async () => {
    const { property, endpoint } = await setup(["*"], () => ({ status: 500 }));
    await emit(property.id, "reservation.created", { i: 1 });
    await emit(property.id, "reservation.created", { i: 2 });
    await worker().runOnce();
    expect(await failedDeliveryCounts([endpoint.id])).toEqual(new Map());
    await db.webhookDelivery.updateMany({ where: { endpointId: endpoint.id }, data: { status: "FAILED" } });
    expect((await getEndpointView(property.id, endpoint.id)).health.failedDeliveries).toBe(2);
    expect(await failedDeliveryCounts([endpoint.id, "whe_none"])).toEqual(new Map([[endpoint.id, 2]]));
  });
});

describe("retention", () => {
  it("deletes finished deliveries and dispatched events after 30 days, keeping pending ones", async () => {
    const { property, endpoint } = await setup(["*"], (count) => ({ status: count === 1 ? 200 : 500 }));
    await emit(property.id);
    await emit(property.id);
    await worker().runOnce();
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(2);
    expect(await purgeWebhookHistory({ now: new Date(Date.now() + 29 * 24 * 3_600_000) })).toEqual({ deliveries: 0, events: 0 });
    const purged = await purgeWebhookHistory({ now: new Date(Date.now() + 31 * 24 * 3_600_000), batch: 1 });
    expect(purged.deliveries).toBe(1);
    expect(purged.events).toBeGreaterThanOrEqual(2);
    expect(await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, select: { status: true } })).toEqual([
      { status: "PENDING" },
    ]);
    expect(await db.webhookAttempt.count({ where: { delivery: { endpointId: endpoint.id } } })).toBe(1);
  });
});

describe("fairness", () => {
  it("a hanging endpoint holds at most its share of slots: another endpoint's deliveries go out meanwhile", async () => {
    const slow = await setup(["*"], () => ({ status: 200, hang: true }));
    const fast = await receiver();
    const created = await call(endpointsRoute.POST, {
      method: "POST",
      path: "/api/v1/webhook-endpoints",
      key: slow.key,
      body: { url: fast.url, eventTypes: ["*"] },
    });
    fast.secrets.push((created.body as { data: { secret: string } }).data.secret);
    // 30 events: both endpoints get 30 deliveries; the slow one's are all due first in line.
    for (let i = 0; i < 30; i++) await emit(slow.property.id, "reservation.created", { i });
    const w = worker(undefined, { concurrency: 8, endpointConcurrency: 4, timeoutMs: 5_000, pollMs: 20 });
    w.start();
    try {
      const deadline = Date.now() + 4_000;
      while (fast.received.length < 30 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      // Every fast delivery arrived while the slow endpoint still held its first 4 requests, unanswered.
      expect(fast.received).toHaveLength(30);
      expect(slow.receiver.received).toHaveLength(4);
      expect(await db.webhookAttempt.count({ where: { delivery: { endpointId: slow.endpoint.id } } })).toBe(0);
    } finally {
      await db.webhookEndpoint.update({ where: { id: slow.endpoint.id }, data: { enabled: false } });
      await slow.receiver.close();
      await w.stop();
    }
  });
});

describe("backlog to one endpoint", () => {
  it("a backlog of 100 deliveries goes out with at most the endpoint's cap in flight, each sent and recorded once", async () => {
    let inFlight = 0;
    let most = 0;
    const {
      property,
      receiver: r,
      endpoint,
    } = await setup(["*"], async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return { status: 200 };
    });
    for (let i = 0; i < 100; i++) await emit(property.id, "reservation.created", { i });
    // The endpoint answers fast, so the worker leases ahead of its 4 requests in flight.
    const w = worker(undefined, { concurrency: 16, endpointConcurrency: 4, pollMs: 20 });
    w.start();
    try {
      const deadline = Date.now() + 20_000;
      while (w.recorded < 100 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await w.stop();
    }
    expect(w.recorded).toBe(100);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(4);
    expect(r.received).toHaveLength(100);
    expect(new Set(r.received.map((x) => x.id)).size).toBe(100);
    const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, include: { attempts: true } });
    expect(deliveries).toHaveLength(100);
    for (const d of deliveries) {
      expect(d.status).toBe("SUCCEEDED");
      expect(d.attempts).toHaveLength(1);
      expect(d.attempts[0]!.requestBody).toBe(d.payload);
      expect(d.lockedUntil).toBeNull();
    }
  });
});

describe("robustness", () => {
  it("records an answer with NUL characters, and a delivery whose signing throws, without holding back the batch", async () => {
    const { property, receiver: r, endpoint } = await setup(["*"], () => ({ status: 200, body: "ok\u0000then" }));
    await emit(property.id);
    await worker().runOnce();
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id }, include: { attempts: true } });
    expect(delivery.status).toBe("SUCCEEDED");
    expect(delivery.attempts[0]!.responseBody).toBe("ok\uFFFDthen");
    expect(r.received).toHaveLength(1);

    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { secret: "whsec_not base64 at all!" } });
    await emit(property.id);
    await worker().runOnce();
    const broken = await db.webhookDelivery.findFirstOrThrow({
      where: { endpointId: endpoint.id, status: "PENDING" },
      include: { attempts: true },
    });
    expect(broken.attempts[0]!.error).toMatch(/^Not sent: /);
    expect(r.received).toHaveLength(1);
  });

  it("records the other deliveries of a batch when an endpoint is deleted while its attempt is in flight", async () => {
    const doomed = await setup(["*"], () => ({ status: 200, hang: true }));
    const kept = await receiver();
    const created = await call(endpointsRoute.POST, {
      method: "POST",
      path: "/api/v1/webhook-endpoints",
      key: doomed.key,
      body: { url: kept.url, eventTypes: ["*"] },
    });
    const keptId = (created.body as { data: { id: string } }).data.id;
    await emit(doomed.property.id);
    const run = worker(undefined, { timeoutMs: 1_000 }).runOnce();
    while (doomed.receiver.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await db.webhookEndpoint.delete({ where: { id: doomed.endpoint.id } });
    await run;
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: keptId } })).toMatchObject({
      status: "SUCCEEDED",
      attemptCount: 1,
      lockedUntil: null,
    });
  });

  it("refuses to resend a delivery while an attempt of it is in flight; a stale lease records nothing", async () => {
    const { property, endpoint } = await setup(["*"]);
    await emit(property.id);
    const clock = clockAt();
    await fanOutEvents(getPool(), clock.now);
    const [first] = await claimDueDeliveries(getPool(), clock.now, new Date(clock.now.getTime() + 30_000), 10);
    expect(first).toBeDefined();
    await expect(resendDelivery({ propertyId: property.id, actor: system }, first!.id, clock.now)).rejects.toMatchObject({
      code: "INVALID_STATE",
    });

    // The lease runs out (a stalled worker); another claim takes the delivery over.
    clock.advance(31_000);
    const [second] = await claimDueDeliveries(getPool(), clock.now, new Date(clock.now.getTime() + 30_000), 10);
    expect(second!.id).toBe(first!.id);
    const attempt = (delivery: typeof first, status: number) => ({
      delivery: delivery!,
      request: { url: endpoint.id, headers: {}, body: delivery!.payload },
      result: { startedAt: clock.now, durationMs: 5, status, headers: {}, body: "", error: null },
      at: clock.now,
    });
    expect(await recordAttempts(getPool(), [attempt(second, 200)])).toEqual([first!.id]);
    // The stalled worker's late answer changes nothing.
    expect(await recordAttempts(getPool(), [attempt(first, 500)])).toEqual([]);
    const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id: first!.id }, include: { attempts: true } });
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attemptCount: 1, lastStatusCode: 200 });
    expect(delivery.attempts.map((a) => a.attemptNumber)).toEqual([1]);
  });

  it("fails the queued deliveries of an endpoint that is disabled, by a person or by a 410", async () => {
    const { property, key, endpoint } = await setup(["*"], () => ({ status: 500 }));
    await emit(property.id);
    await emit(property.id);
    await worker().runOnce();
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "PENDING" } })).toBe(2);
    await call(endpointRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/webhook-endpoints/${endpoint.id}`,
      key,
      params: { id: endpoint.id },
      body: { enabled: false },
    });
    const failed = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(failed.map((d) => d.status)).toEqual(["FAILED", "FAILED"]);
    expect(failed[0]!.lastError).toMatch(/the endpoint was disabled/);

    let gone = false;
    const other = await setup(["*"], () => (gone ? { status: 410 } : { status: 500 }));
    await emit(other.property.id);
    await worker().runOnce();
    gone = true;
    await emit(other.property.id);
    await worker().runOnce();
    expect((await db.webhookDelivery.findMany({ where: { endpointId: other.endpoint.id } })).map((d) => d.status)).toEqual([
      "FAILED",
      "FAILED",
    ]);
  });

  it("answers NUL characters in input with 400 or 404, never a 500", async () => {
    const { key, endpoint } = await setup(["*"]);
    const description = await call(endpointRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/webhook-endpoints/${endpoint.id}`,
      key,
      params: { id: endpoint.id },
      body: { description: "a\u0000b" },
    });
    expect(description.status).toBe(400);
    expect(description.body).toMatchObject({ details: [{ path: "description" }] });
    const filter = await call(deliveriesRoute.GET, {
      path: `/api/v1/webhook-endpoints/${endpoint.id}/deliveries?eventType=%00`,
      key,
      params: { id: endpoint.id },
    });
    expect(filter.status).toBe(400);
    const id = await call(endpointRoute.GET, { path: "/api/v1/webhook-endpoints/a%00b", key, params: { id: "a\u0000b" } });
    expect(id.status).toBe(404);
    // The request log keeps those requests (NUL stored as U+FFFD) and the writer goes on.
    await flushRequestLogs();
    const { rows } = await getPool().query(`SELECT status FROM "RequestLog" WHERE query->>'eventType' = $1`, ["\uFFFD"]);
    expect(rows).toEqual([{ status: 400 }]);
  });
});

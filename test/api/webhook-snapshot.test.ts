// Snapshot on subscribe: an endpoint created with `snapshot: true` first receives the stays in house or
// arriving within 7 days and the valid access codes, then live events, at a real local receiver.
import { afterEach, describe, expect, it } from "vitest";
import * as endpointsRoute from "../../app/api/v1/webhook-endpoints/route";
import { call } from "../api-client";
import { bookStay, propertyWithKey } from "../api-fixtures";
import { startReceiver } from "../webhook-receiver";
import { db, getPool } from "../../lib/db/client";
import { propertyToday } from "../../lib/reservations/property-today";
import { WebhookWorker } from "../../lib/webhooks/engine/webhook-worker";
import { snapshotEnvelope } from "../../lib/webhooks/snapshot";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const DAY = 24 * 3_600_000;
const day = (offset: number) => new Date(new Date(`${propertyToday("UTC")}T00:00:00Z`).getTime() + offset * DAY);

/** A property with stays in every situation, and access codes valid and expired. */
async function hotel() {
  const fixture = await propertyWithKey(["full_access:write"], 6);
  const guest = await db.guest.create({ data: { propertyId: fixture.property.id, firstName: "Grace", lastName: "Hopper" } });
  const stay = (
    code: string,
    room: number,
    arrival: number,
    departure: number,
    status: "CONFIRMED" | "CHECKED_IN" | "CHECKED_OUT" | "CANCELLED",
  ) =>
    db.reservation.create({
      data: {
        propertyId: fixture.property.id,
        code,
        guestId: guest.id,
        roomId: fixture.rooms[room]!.id,
        arrivalDate: day(arrival),
        departureDate: day(departure),
        status,
        totalAmount: 100,
        currency: "EUR",
      },
    });
  const inHouse = await stay("IN-HOUSE", 0, -2, 2, "CHECKED_IN");
  const today = await stay("TODAY", 1, 0, 3, "CONFIRMED");
  const inAWeek = await stay("DAY-7", 2, 7, 9, "CONFIRMED");
  await stay("DAY-8", 3, 8, 10, "CONFIRMED");
  await stay("CANCELLED", 4, 1, 3, "CANCELLED");
  await stay("LEFT", 5, -5, -1, "CHECKED_OUT");
  const code = (reservationId: string, until: Date) =>
    db.reservationAccess.create({
      data: { propertyId: fixture.property.id, reservationId, lockName: "Front door", pin: "1234", validFrom: day(-2), validUntil: until },
    });
  const valid = await code(inHouse.id, new Date(Date.now() + DAY));
  await code(inHouse.id, new Date(Date.now() - 60_000));
  return { ...fixture, expected: { stays: [inHouse.id, today.id, inAWeek.id], codes: [valid.id] } };
}

async function subscribe(key: string, body: Record<string, unknown>) {
  const secrets: string[] = [];
  const receiver = await startReceiver({ secrets: () => secrets });
  closers.push(() => receiver.close());
  const created = await call(endpointsRoute.POST, {
    method: "POST",
    path: "/api/v1/webhook-endpoints",
    key,
    body: { url: receiver.url, ...body },
  });
  expect(created.status).toBe(201);
  secrets.push((created.body as { data: { secret: string } }).data.secret);
  return receiver;
}

const worker = () => new WebhookWorker({ pool: getPool(), random: () => 0.5, log: () => {} });

describe("snapshot on subscribe", () => {
  it("sends the stays in house or arriving within 7 days and the valid codes, then live events", async () => {
    const { key, rooms, expected } = await hotel();
    const receiver = await subscribe(key, { eventTypes: ["*"], snapshot: true });
    await bookStay(key, rooms[3]!.id, { arrivalDate: "2031-07-01", departureDate: "2031-07-03" });
    await worker().runOnce();
    await worker().runOnce();

    expect(receiver.received.every((r) => r.verified)).toBe(true);
    const types = receiver.received.map((r) => r.json.type);
    expect(types).toEqual([
      "reservation.snapshot",
      "reservation.snapshot",
      "reservation.snapshot",
      "access_code.snapshot",
      "reservation.created",
    ]);
    const stays = receiver.received.filter((r) => r.json.type === "reservation.snapshot");
    expect(stays.map((r) => (r.json.data.reservation as { id: string }).id)).toEqual(expected.stays);
    expect(stays[0]!.json.data.reservation).toMatchObject({ code: "IN-HOUSE", status: "CHECKED_IN", guest: { lastName: "Hopper" } });
    const codes = receiver.received.filter((r) => r.json.type === "access_code.snapshot");
    expect(codes.map((r) => (r.json.data.access as { id: string }).id)).toEqual(expected.codes);
    // Each body is what the OpenAPI document's `webhooks` section promises.
    for (const r of [...stays, ...codes]) expect(snapshotEnvelope(r.json.type as "reservation.snapshot").parse(r.json)).toBeTruthy();
    // Snapshots describe state, not changes: they are not in the events feed's outbox.
    expect(await db.outboxEvent.count({ where: { type: { endsWith: ".snapshot" } } })).toBe(0);
  });

  it("sends only what the endpoint subscribes to, and nothing without snapshot: true", async () => {
    const { property, key, expected } = await hotel();
    const codesOnly = await subscribe(key, { eventTypes: ["access_code.created", "access_code.revoked"], snapshot: true });
    const noSnapshot = await subscribe(key, { eventTypes: ["*"] });
    const disabled = await subscribe(key, { eventTypes: ["*"], snapshot: true, enabled: false });
    await worker().runOnce();
    expect(codesOnly.received.map((r) => [r.json.type, (r.json.data.access as { id: string }).id])).toEqual([
      ["access_code.snapshot", expected.codes[0]],
    ]);
    expect(noSnapshot.received).toEqual([]);
    expect(disabled.received).toEqual([]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { propertyId: property.id, action: "webhook_endpoint.created", metadata: { path: ["snapshot"], not: "null" } },
    });
    expect(audit.metadata).toMatchObject({ snapshot: { "reservation.snapshot": 0, "access_code.snapshot": 1 } });
  });
});

// Webhooks never reach further than the credential behind them: an endpoint a key subscribes receives, and a
// key reads back, only the event types that key may read (as the events feed shows them). Door PINs are
// sealed at rest in every table and reach only the lock's receiver, and members who may see them.
import { afterEach, describe, expect, it } from "vitest";
import * as accessesRoute from "../../app/api/v1/reservations/[id]/accesses/route";
import * as paymentsRoute from "../../app/api/v1/reservations/[id]/payments/route";
import * as endpointRoute from "../../app/api/v1/webhook-endpoints/[id]/route";
import * as replayRoute from "../../app/api/v1/webhook-endpoints/[id]/replay/route";
import * as deliveriesRoute from "../../app/api/v1/webhook-endpoints/[id]/deliveries/route";
import * as endpointsRoute from "../../app/api/v1/webhook-endpoints/route";
import { call } from "../api-client";
import { bookStay, keyFor, propertyWithKey } from "../api-fixtures";
import { startReceiver } from "../webhook-receiver";
import { can } from "../../lib/auth/roles";
import { db, getPool } from "../../lib/db/client";
import { openPin, openPinsIn } from "../../lib/reservations/sealed-pin";
import { createEndpoint } from "../../lib/webhooks/create-endpoint";
import { WebhookWorker } from "../../lib/webhooks/engine/webhook-worker";
import { getEndpointDelivery } from "../../lib/webhooks/list-endpoint-deliveries";
import { replayDeliveries } from "../../lib/webhooks/replay-deliveries";
import { sealStoredSecrets } from "../../lib/webhooks/seal-stored-secrets";
import { createEndpointInput } from "../../lib/webhooks/schemas";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const worker = () => new WebhookWorker({ pool: getPool(), random: () => 0.5, log: () => {} });

async function receiver(answer?: NonNullable<Parameters<typeof startReceiver>[0]>["answer"]) {
  const secrets: string[] = [];
  const started = await startReceiver({ secrets: () => secrets, answer });
  closers.push(() => started.close());
  return { ...started, secrets };
}

/** An endpoint an owner adds in the dashboard for `target` (it may read everything), its secret given to the receiver. */
async function dashboardEndpoint(propertyId: string, target: Awaited<ReturnType<typeof receiver>>) {
  const made = await createEndpoint(
    { propertyId, actor: { type: "USER", id: null, label: "Admin" } },
    createEndpointInput.parse({ url: target.url, eventTypes: ["*"] }),
  );
  target.secrets.push(made.secret);
  return made;
}

/** Subscribes a new receiver through the API with `key`; the answer, and the receiver when it was created. */
async function subscribeWithKey(key: string, body: Record<string, unknown>) {
  const target = await receiver();
  const created = await call(endpointsRoute.POST, {
    method: "POST",
    path: "/api/v1/webhook-endpoints",
    key,
    body: { url: target.url, ...body },
  });
  if (created.status === 201) target.secrets.push((created.body as { data: { secret: string } }).data.secret);
  return { created, receiver: target, id: (created.body as { data?: { id: string } }).data?.id };
}

/** A stay with a door code and a payment, written with a full key: one event of each family. */
async function activity(fullKey: string, roomId: string) {
  const stay = await bookStay(fullKey, roomId);
  const code = await call(accessesRoute.POST, {
    method: "POST",
    key: fullKey,
    params: { id: stay.id },
    path: `/api/v1/reservations/${stay.id}/accesses`,
    body: { lockName: "Front door", pin: "482915" },
  });
  expect(code.status).toBe(201);
  const paid = await call(paymentsRoute.POST, {
    method: "POST",
    key: fullKey,
    params: { id: stay.id },
    path: `/api/v1/reservations/${stay.id}/payments`,
    body: { amount: 5000, currency: "EUR", method: "card" },
  });
  expect(paid.status).toBe(201);
  return stay;
}

const typesOf = (r: { received: { json: { type: string } }[] }) => r.received.map((d) => d.json.type).sort();

describe("webhooks and read scopes", () => {
  it("refuses to subscribe a key to events it may not read, and sends '*' only what its key may read", async () => {
    const { property, key: fullKey, rooms } = await propertyWithKey(["full_access:write"]);
    const hookKey = await keyFor(property, ["webhooks:write"]);
    const reservationsKey = await keyFor(property, ["webhooks:write", "reservations:read"]);

    const refused = await subscribeWithKey(hookKey, { eventTypes: ["access_code.created", "reservation.created"] });
    expect(refused.created.status).toBe(403);
    expect(refused.created.body).toMatchObject({
      code: "FORBIDDEN",
      details: [
        { path: "eventTypes", message: "access_code.created needs reservation_accesses:read" },
        { path: "eventTypes", message: "reservation.created needs reservations:read" },
      ],
    });
    expect(await db.webhookEndpoint.count({ where: { propertyId: property.id } })).toBe(0);

    // A stay and a valid door code exist before the endpoints: a snapshot must not hand them out either.
    await activity(fullKey, rooms[0]!.id);
    await worker().runOnce();
    const hooksOnly = await subscribeWithKey(hookKey, { eventTypes: ["*"], snapshot: true });
    const reservationsOnly = await subscribeWithKey(reservationsKey, { eventTypes: ["*"], snapshot: true });
    const everything = await subscribeWithKey(fullKey, { eventTypes: ["*"], snapshot: true });
    expect([hooksOnly.created.status, reservationsOnly.created.status, everything.created.status]).toEqual([201, 201, 201]);
    const dashboard = await receiver();
    await dashboardEndpoint(property.id, dashboard);

    await activity(fullKey, rooms[1]!.id);
    await worker().runOnce();
    await worker().runOnce();

    expect(hooksOnly.receiver.received).toEqual([]);
    // The valid door code goes out as a snapshot to the full key's endpoint only.
    expect(typesOf(everything.receiver)).toEqual(["access_code.created", "access_code.snapshot", "payment.created", "reservation.created"]);
    expect(typesOf(reservationsOnly.receiver)).toEqual(["reservation.created"]);
    expect(typesOf(dashboard)).toEqual(["access_code.created", "payment.created", "reservation.created"]);
    for (const r of [reservationsOnly.receiver, dashboard]) expect(r.received.every((d) => d.verified)).toBe(true);
  });

  it("a key that changes an endpoint subscribes it anew: it cannot widen it, nor have what is queued or replayable sent to it", async () => {
    const { property, key: fullKey, rooms } = await propertyWithKey(["full_access:write"]);
    const hookKey = await keyFor(property, ["webhooks:write"]);
    // The owner's endpoint is failing: its door code, payment and stay deliveries wait for their retry.
    const failing = await receiver(() => ({ status: 500 }));
    const made = await dashboardEndpoint(property.id, failing);
    await activity(fullKey, rooms[0]!.id);
    await worker().runOnce();
    expect(await db.webhookDelivery.count({ where: { endpointId: made.id, status: "PENDING", attemptCount: 1 } })).toBe(3);

    // Pointing the owner's endpoint at its own receiver: from then on it receives what that key may read, nothing more.
    const mine = await receiver();
    mine.secrets.push(made.secret);
    const patch = (body: unknown) =>
      call(endpointRoute.PATCH, {
        method: "PATCH",
        key: hookKey,
        params: { id: made.id },
        path: `/api/v1/webhook-endpoints/${made.id}`,
        body,
      });
    expect((await patch({ url: mine.url })).status).toBe(200);
    expect((await patch({ eventTypes: ["payment.created"] })).status).toBe(403);
    // What was queued for the owner is not sent to the key's URL, and cannot be replayed to it.
    const waiting = await db.webhookDelivery.findMany({ where: { endpointId: made.id } });
    expect(waiting.map((d) => [d.status, d.lastError])).toEqual(
      waiting.map(() => ["FAILED", "Not sent: the API key that changed the endpoint may not read this event."]),
    );
    const replay = await call(replayRoute.POST, {
      method: "POST",
      key: hookKey,
      params: { id: made.id },
      path: `/api/v1/webhook-endpoints/${made.id}/replay`,
      body: { since: new Date(Date.now() - 3_600_000).toISOString(), only: "all" },
    });
    expect(replay.status).toBe(409); // nothing it may read in the window: INVALID_STATE
    // Even a replay from the dashboard sends only what the endpoint's subscriber may read now.
    await expect(
      replayDeliveries({ propertyId: property.id, actor: { type: "USER", id: null, label: "Admin" } }, made.id, {
        since: new Date(Date.now() - 3_600_000).toISOString(),
        only: "all",
      }),
    ).rejects.toThrow("No deliveries to replay");

    await activity(fullKey, rooms[1]!.id);
    await worker().runOnce();
    await worker().runOnce();
    expect(mine.received).toEqual([]);
  });

  it("a key reads back only the deliveries its scopes cover; PINs are sealed in every table and clear only to those who may read them", async () => {
    const { property, key: fullKey, rooms } = await propertyWithKey(["full_access:write"]);
    const readHooks = await keyFor(property, ["webhooks:read"]);
    const dashboard = await receiver();
    const made = await dashboardEndpoint(property.id, dashboard);
    await activity(fullKey, rooms[0]!.id);
    await worker().runOnce();

    // The lock's receiver gets the PIN in clear, signed over what it received.
    const code = dashboard.received.find((d) => d.json.type === "access_code.created")!;
    expect(code.verified).toBe(true);
    expect(code.json.data.access).toMatchObject({ pin: "482915" });

    // At rest: not in the access code's row, the outbox, the delivery or its attempt.
    const stored = JSON.stringify(
      [
        await db.reservationAccess.findMany({ where: { propertyId: property.id } }),
        await db.outboxEvent.findMany({ where: { propertyId: property.id } }),
        await db.webhookDelivery.findMany({ where: { propertyId: property.id }, include: { attempts: true } }),
      ],
      (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
    );
    expect(stored).toContain("enc:v1:");
    expect(stored).not.toContain("482915");

    const list = (key: string) =>
      call(deliveriesRoute.GET, { key, params: { id: made.id }, path: `/api/v1/webhook-endpoints/${made.id}/deliveries` });
    const narrow = (await list(readHooks)).body as { data: { eventType: string; attempts: { requestBody: string }[] }[] };
    expect(narrow.data.map((d) => d.eventType)).toEqual([]);
    const wide = (await list(fullKey)).body as { data: { eventType: string; attempts: { requestBody: string }[] }[] };
    expect(wide.data.map((d) => d.eventType).sort()).toEqual(["access_code.created", "payment.created", "reservation.created"]);
    const codeDelivery = wide.data.find((d) => d.eventType === "access_code.created")!;
    expect(codeDelivery.attempts[0]!.requestBody).toMatch(/"pin": ?"482915"/);

    // In the dashboard: OWNER and ADMIN see the PIN, MANAGER sees it masked.
    expect(["OWNER", "ADMIN", "MANAGER", "STAFF"].map((role) => can.readDoorCodesInDeliveries(role as never))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: made.id, eventType: "access_code.created" } });
    const masked = await getEndpointDelivery(property.id, made.id, delivery.id, "masked");
    expect(masked.attempts[0]!.requestBody).not.toContain("482915");
    expect(masked.attempts[0]!.requestBody).toMatch(/"pin": ?"••••••"/);
    expect((await getEndpointDelivery(property.id, made.id, delivery.id, "clear")).attempts[0]!.requestBody).toMatch(/"pin": ?"482915"/);
  });

  it("seals the PINs stored in clear before sealing existed, in rows and event bodies, when a worker starts", async () => {
    const { property, key: fullKey, rooms } = await propertyWithKey(["full_access:write"]);
    const stay = await bookStay(fullKey, rooms[0]!.id);
    const access = await db.reservationAccess.create({
      data: {
        propertyId: property.id,
        reservationId: stay.id,
        lockName: "Side door",
        pin: "777111",
        validFrom: new Date(),
        validUntil: new Date(Date.now() + 86_400_000),
      },
    });
    const event = await db.outboxEvent.create({
      data: {
        id: "evt_clear_pin",
        propertyId: property.id,
        type: "access_code.created",
        payload: { access: { id: access.id, pin: "777111" } },
      },
    });
    expect(await sealStoredSecrets(getPool())).toBeGreaterThanOrEqual(2);
    const row = await db.reservationAccess.findUniqueOrThrow({ where: { id: access.id } });
    const body = await db.outboxEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row.pin).toMatch(/^enc:v1:/);
    expect(openPin(row.pin)).toBe("777111");
    expect(JSON.stringify(body.payload)).not.toContain("777111");
    expect(openPinsIn(JSON.stringify(body.payload), "clear")).toContain('"pin":"777111"');
  });
});

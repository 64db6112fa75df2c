// Webhooks follow the plan rule of API keys: a FREE property cannot add endpoints, and a property that
// drops to FREE has its endpoints paused (nothing fanned out or sent) until it is PRO again.
import { afterEach, describe, expect, it } from "vitest";
import { createProperty } from "../fixtures";
import { startReceiver } from "../webhook-receiver";
import { db, getPool } from "../../lib/db/client";
import { AppError } from "../../lib/errors/app-error";
import { recordDomainEvent } from "../../lib/events/record-domain-event";
import { createEndpoint } from "../../lib/webhooks/create-endpoint";
import { getEndpointView } from "../../lib/webhooks/list-endpoint-views";
import { fanOutEvents } from "../../lib/webhooks/engine/delivery-queue";
import { WebhookWorker } from "../../lib/webhooks/engine/webhook-worker";

const system = { type: "SYSTEM" as const, id: null, label: "test" };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const worker = () => new WebhookWorker({ pool: getPool(), random: () => 0.5, log: () => {} });
const emit = (propertyId: string) =>
  db.$transaction((tx) => recordDomainEvent(tx, { propertyId, type: "reservation.created", data: { n: 1 } as never }));

describe("webhooks and the FREE plan", () => {
  it("refuses to add an endpoint to a FREE property with 403 PLAN_REQUIRED", async () => {
    const { property } = await createProperty({ plan: "FREE", rooms: 0 });
    const refusal = await createEndpoint(
      { propertyId: property.id, actor: system },
      {
        url: "http://127.0.0.1:9/hooks",
        eventTypes: ["*"],
        enabled: true,
        description: "",
        retrySchedule: "standard",
        skipOwnEvents: false,
        snapshot: false,
      },
    ).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "PLAN_REQUIRED", status: 403 });
    expect(await db.webhookEndpoint.count({ where: { propertyId: property.id } })).toBe(0);
  });

  it("pauses the endpoints of a property that drops to FREE, and delivers again once it is PRO", async () => {
    const secrets: string[] = [];
    const receiver = await startReceiver({ secrets: () => secrets });
    closers.push(() => receiver.close());
    const { property } = await createProperty({ rooms: 0 });
    const endpoint = await createEndpoint(
      { propertyId: property.id, actor: system },
      {
        url: receiver.url,
        eventTypes: ["*"],
        enabled: true,
        description: "",
        retrySchedule: "standard",
        skipOwnEvents: false,
        snapshot: false,
      },
    );
    secrets.push(endpoint.secret);

    await emit(property.id);
    await worker().runOnce();
    expect(receiver.received).toHaveLength(1);

    await db.property.update({ where: { id: property.id }, data: { plan: "FREE" } });
    await emit(property.id);
    await worker().runOnce();
    expect(receiver.received).toHaveLength(1);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
    expect((await getEndpointView(property.id, endpoint.id)).pausedReason).toBe("Paused: the property's plan does not include API access");

    await db.property.update({ where: { id: property.id }, data: { plan: "PRO" } });
    expect((await getEndpointView(property.id, endpoint.id)).pausedReason).toBeNull();
    await emit(property.id);
    await worker().runOnce();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
  });

  it("holds back a delivery queued before the drop to FREE until the property is PRO again", async () => {
    const secrets: string[] = [];
    const receiver = await startReceiver({ secrets: () => secrets });
    closers.push(() => receiver.close());
    const { property } = await createProperty({ rooms: 0 });
    const endpoint = await createEndpoint(
      { propertyId: property.id, actor: system },
      {
        url: receiver.url,
        eventTypes: ["*"],
        enabled: true,
        description: "",
        retrySchedule: "standard",
        skipOwnEvents: false,
        snapshot: false,
      },
    );
    secrets.push(endpoint.secret);
    await emit(property.id);
    // Fanned out while PRO; the plan drops before the worker sends it.
    expect(await fanOutEvents(getPool(), new Date())).toMatchObject({ deliveries: 1 });
    await db.property.update({ where: { id: property.id }, data: { plan: "FREE" } });
    await worker().runOnce();
    expect(receiver.received).toHaveLength(0);
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } })).toMatchObject({
      status: "PENDING",
      attemptCount: 0,
    });

    await db.property.update({ where: { id: property.id }, data: { plan: "PRO" } });
    await worker().runOnce();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.verified).toBe(true);
  });
});

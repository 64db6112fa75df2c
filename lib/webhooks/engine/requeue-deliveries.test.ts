// requeueDeliveries, each of its forms against the real database: by id (a resend), an endpoint's failed
// ones (a retry), a window in creation order (a replay), and leases given back (a stopping worker).
// Through a Prisma transaction and through the `pg` pool, as the services and the engine call it.
import { beforeAll, describe, expect, it } from "vitest";
import { createProperty } from "../../../test/fixtures";
import { db, getPool } from "../../db/client";
import type { WebhookDeliveryStatus } from "../../db/generated/prisma/enums";
import { requeueDeliveries } from "./requeue-deliveries";

const at = new Date("2026-11-23T10:00:00.000Z");
const earlier = new Date("2026-11-20T08:00:00.000Z");
let propertyId: string;
let seq = 0;

beforeAll(async () => {
  propertyId = (await createProperty({ rooms: 0 })).property.id;
});

async function endpoint() {
  return db.webhookEndpoint.create({
    data: { id: `we_requeue_${++seq}`, propertyId, url: "https://example.com/hook", eventTypes: ["*"], secret: "unused" },
  });
}

async function delivery(
  endpointId: string,
  fields: {
    id?: string;
    status: WebhookDeliveryStatus;
    createdAt?: Date;
    eventType?: string;
    lockedUntil?: Date;
    leaseToken?: string;
    nextAttemptAt?: Date | null;
  },
) {
  return db.webhookDelivery.create({
    data: {
      id: fields.id ?? `msg_requeue_${++seq}`,
      propertyId,
      endpointId,
      eventType: fields.eventType ?? "reservation.created",
      payload: "{}",
      status: fields.status,
      attemptCount: 3,
      lastStatusCode: 500,
      lastError: "HTTP 500",
      lastAttemptAt: earlier,
      nextAttemptAt: fields.nextAttemptAt === undefined ? (fields.status === "PENDING" ? earlier : null) : fields.nextAttemptAt,
      lockedUntil: fields.lockedUntil ?? null,
      leaseToken: fields.leaseToken ?? null,
      createdAt: fields.createdAt ?? earlier,
      updatedAt: earlier,
    },
  });
}

const read = (ids: string[]) => db.webhookDelivery.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
const byId = async (id: string) => db.webhookDelivery.findUniqueOrThrow({ where: { id } });

/** The fields a requeue never changes. */
const kept = { attemptCount: 3, lastStatusCode: 500, lastError: "HTTP 500", lastAttemptAt: earlier };

describe("requeueDeliveries", () => {
  it("by id (a resend): PENDING, due at `at`, unleased, its attempts and last outcome kept; others untouched", async () => {
    const { id: endpointId } = await endpoint();
    const failed = await delivery(endpointId, { status: "FAILED", lockedUntil: earlier, leaseToken: "stale" });
    const other = await delivery(endpointId, { status: "FAILED" });

    const ids = await db.$transaction((tx) => requeueDeliveries(tx, { ids: [failed.id] }, { at }));

    expect(ids).toEqual([failed.id]);
    expect(await byId(failed.id)).toMatchObject({
      ...kept,
      status: "PENDING",
      nextAttemptAt: at,
      lockedUntil: null,
      leaseToken: null,
      updatedAt: at,
    });
    expect(await byId(other.id)).toEqual(other);
    expect(await requeueDeliveries(db, { ids: [] }, { at })).toEqual([]);
  });

  it("an endpoint's failed deliveries (a retry), through the pg pool: not the succeeded, pending or another endpoint's", async () => {
    const { id: endpointId } = await endpoint();
    const { id: otherEndpointId } = await endpoint();
    const failed = [await delivery(endpointId, { status: "FAILED" }), await delivery(endpointId, { status: "FAILED" })];
    const untouched = [
      await delivery(endpointId, { status: "SUCCEEDED" }),
      await delivery(endpointId, { status: "PENDING", lockedUntil: at, leaseToken: "held" }),
      await delivery(otherEndpointId, { status: "FAILED" }),
    ];

    const ids = await requeueDeliveries(getPool(), { where: { endpointId, status: "FAILED" } }, { at });

    expect(ids.sort()).toEqual(failed.map((d) => d.id).sort());
    for (const d of await read(ids)) expect(d).toMatchObject({ ...kept, status: "PENDING", nextAttemptAt: at, updatedAt: at });
    expect(await read(untouched.map((d) => d.id))).toEqual([...untouched].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it("a window in creation order (a replay): settled ones of the types, created in [gte, lt), a millisecond apart oldest first", async () => {
    const { id: endpointId } = await endpoint();
    const t = (hour: number) => new Date(Date.UTC(2026, 10, 21, hour));
    // Ids out of creation order, and two created at the same instant (then ordered by id).
    const third = await delivery(endpointId, { id: "msg_a_third", status: "FAILED", createdAt: t(12) });
    // Created at the window's start: included (gte), as a succeeded one is.
    const first = await delivery(endpointId, { id: "msg_z_first", status: "SUCCEEDED", createdAt: t(1) });
    const secondTied = await delivery(endpointId, { id: "msg_c_second", status: "FAILED", createdAt: t(5) });
    const fourthTied = await delivery(endpointId, { id: "msg_d_fourth", status: "FAILED", createdAt: t(12) });
    const untouched = [
      await delivery(endpointId, { id: "msg_pending", status: "PENDING", createdAt: t(6) }),
      await delivery(endpointId, { id: "msg_before", status: "FAILED", createdAt: t(0) }),
      await delivery(endpointId, { id: "msg_at_until", status: "FAILED", createdAt: t(20) }),
      await delivery(endpointId, { id: "msg_other_type", status: "FAILED", createdAt: t(7), eventType: "guest.erased" }),
    ];
    const where = {
      endpointId,
      status: { not: "PENDING" as const },
      createdAt: { gte: t(1), lt: t(20) },
      eventType: { in: ["reservation.created"] },
    };

    // The filter is also a Prisma where: the replay counts with it.
    expect(await db.webhookDelivery.count({ where })).toBe(4);
    const ids = await db.$transaction((tx) => requeueDeliveries(tx, { where }, { at, inCreationOrder: true }));

    const order = [first, secondTied, third, fourthTied].map((d) => d.id);
    expect(ids.sort()).toEqual([...order].sort());
    for (const [n, id] of order.entries())
      expect(await byId(id)).toMatchObject({
        ...kept,
        status: "PENDING",
        nextAttemptAt: new Date(at.getTime() + n + 1),
        updatedAt: at,
      });
    expect(await read(untouched.map((d) => d.id))).toEqual([...untouched].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it("leases given back (a stopping worker): only where the token still holds it; state, due time and updatedAt kept", async () => {
    const { id: endpointId } = await endpoint();
    const lockedUntil = new Date(at.getTime() + 30_000);
    const held = await delivery(endpointId, { status: "PENDING", lockedUntil, leaseToken: "mine" });
    const reclaimed = await delivery(endpointId, { status: "PENDING", lockedUntil, leaseToken: "someone-else" });

    const ids = await requeueDeliveries(getPool(), {
      leases: [
        { id: held.id, leaseToken: "mine" },
        { id: reclaimed.id, leaseToken: "mine" },
      ],
    });

    expect(ids).toEqual([held.id]);
    expect(await byId(held.id)).toEqual({ ...held, lockedUntil: null, leaseToken: null });
    expect(await byId(reclaimed.id)).toEqual(reclaimed);
    expect(await requeueDeliveries(getPool(), { leases: [] })).toEqual([]);
  });
});

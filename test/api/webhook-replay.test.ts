// POST /api/v1/webhook-endpoints/{id}/replay: a weekend's deliveries sent again to a real local receiver,
// with their own webhook-ids; "failed" replays only the failed ones; progress; the limits.
import { afterEach, describe, expect, it } from "vitest";
import * as replayRoute from "../../app/api/v1/webhook-endpoints/[id]/replay/route";
import * as replayOneRoute from "../../app/api/v1/webhook-endpoints/[id]/replays/[replayId]/route";
import * as replaysRoute from "../../app/api/v1/webhook-endpoints/[id]/replays/route";
import * as endpointsRoute from "../../app/api/v1/webhook-endpoints/route";
import { call } from "../api-client";
import { keyFor, propertyWithKey } from "../api-fixtures";
import { startReceiver } from "../webhook-receiver";
import { db, getPool } from "../../lib/db/client";
import { recordDomainEvent } from "../../lib/events/record-domain-event";
import { WebhookWorker } from "../../lib/webhooks/engine/webhook-worker";
import { MAX_REPLAY } from "../../lib/webhooks/replay-deliveries";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const worker = () => new WebhookWorker({ pool: getPool(), random: () => 0.5, log: () => {} });

/** An endpoint that received one delivery on each of `times`; those marked failed are stored as failed for good. */
async function weekend() {
  const fixture = await propertyWithKey();
  const secrets: string[] = [];
  const receiver = await startReceiver({ secrets: () => secrets });
  closers.push(() => receiver.close());
  const created = await call(endpointsRoute.POST, {
    method: "POST",
    path: "/api/v1/webhook-endpoints",
    key: fixture.key,
    body: { url: receiver.url, eventTypes: ["*"] },
  });
  const endpoint = (created.body as { data: { id: string; secret: string } }).data;
  secrets.push(endpoint.secret);
  const times = [
    { at: "2026-11-19T19:00:00Z", failed: false }, // Thursday: before the window
    { at: "2026-11-20T22:30:00Z", failed: true }, // Friday night
    { at: "2026-11-21T12:00:00Z", failed: false }, // Saturday: one got through
    { at: "2026-11-22T09:00:00Z", failed: true }, // Sunday
    { at: "2026-11-23T09:00:00Z", failed: true }, // Monday, after the window
  ];
  for (let i = 0; i < times.length; i++)
    await db.$transaction((tx) =>
      recordDomainEvent(tx, {
        propertyId: fixture.property.id,
        type: "guest.erased",
        data: { guest: { id: `g${i}`, erasedAt: times[i]!.at } },
      }),
    );
  await worker().runOnce();
  const events = await db.outboxEvent.findMany({ where: { propertyId: fixture.property.id }, orderBy: { seq: "asc" } });
  const stored = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
  const deliveries = events.map((event) => stored.find((d) => d.eventId === event.id)!);
  expect(deliveries.map((d) => d.status)).toEqual(["SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED"]);
  for (const [i, time] of times.entries())
    await db.webhookDelivery.update({
      where: { id: deliveries[i]!.id },
      data: { createdAt: new Date(time.at), status: time.failed ? "FAILED" : "SUCCEEDED", lastAttemptAt: new Date(time.at) },
    });
  receiver.received.splice(0);
  return { ...fixture, receiver, endpoint, ids: deliveries.map((d) => d.id) };
}

const replay = (key: string, endpointId: string, body: unknown) =>
  call(replayRoute.POST, { method: "POST", key, params: { id: endpointId }, path: `/api/v1/webhook-endpoints/${endpointId}/replay`, body });
const WINDOW = { since: "2026-11-20T22:00:00+01:00", until: "2026-11-23T08:00:00+01:00" };
type Replay = { id: string; total: number; sent: number; succeeded: number; status: string; only: string; since: string; until: string };

describe("POST /api/v1/webhook-endpoints/{id}/replay", () => {
  it("sends the window's failed deliveries again with their webhook-ids, then all of them, and shows the progress", async () => {
    const { key, endpoint, receiver, ids } = await weekend();

    const failed = await replay(key, endpoint.id, { ...WINDOW, only: "failed" });
    expect(failed.status).toBe(202);
    const queued = (failed.body as { data: Replay }).data;
    expect(queued).toMatchObject({ total: 2, sent: 0, succeeded: 0, status: "running", only: "failed" });
    expect(queued).toMatchObject({ since: "2026-11-20T21:00:00.000Z", until: "2026-11-23T07:00:00.000Z" });
    await worker().runOnce();
    // The same webhook-ids (and bodies) the receiver saw the first time: Friday's and Sunday's, oldest first.
    expect(receiver.received.map((r) => r.id)).toEqual([ids[1], ids[3]]);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    expect(receiver.received.map((r) => r.json.data.guest)).toEqual([
      expect.objectContaining({ id: "g1" }),
      expect.objectContaining({ id: "g3" }),
    ]);
    const progress = await call(replayOneRoute.GET, { key, params: { id: endpoint.id, replayId: queued.id }, path: "/x" });
    expect((progress.body as { data: Replay }).data).toMatchObject({ id: queued.id, total: 2, sent: 2, succeeded: 2, status: "done" });

    receiver.received.splice(0);
    const all = await replay(key, endpoint.id, { ...WINDOW, only: "all" });
    expect((all.body as { data: Replay }).data.total).toBe(3);
    await worker().runOnce();
    expect(receiver.received.map((r) => r.id)).toEqual([ids[1], ids[2], ids[3]]);

    const list = await call(replaysRoute.GET, { key, params: { id: endpoint.id }, path: "/x" });
    expect((list.body as { data: Replay[] }).data.map((r) => [r.only, r.total, r.status])).toEqual([
      ["all", 3, "done"],
      ["failed", 2, "done"],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "webhook_endpoint.replayed" }, orderBy: { createdAt: "asc" } });
    expect(audit.metadata).toMatchObject({ count: 2, only: "failed", replayId: queued.id });
  });

  it("refuses an empty or reversed window, a disabled or unknown endpoint, and more than 10,000 deliveries; a test key writes nothing", async () => {
    const { property, key, endpoint, ids } = await weekend();
    const reversed = await replay(key, endpoint.id, { since: WINDOW.until, until: WINDOW.since });
    // A rule between fields, which the document cannot express: 409, as its description says.
    expect(reversed).toMatchObject({
      status: 409,
      body: { code: "INVALID_STATE", details: [{ path: "until", message: "until must be after since" }] },
    });
    const empty = await replay(key, endpoint.id, { since: "2026-10-01T00:00:00Z", until: "2026-10-02T00:00:00Z" });
    expect(empty).toMatchObject({ status: 409, body: { code: "INVALID_STATE", message: "No deliveries to replay in this window." } });
    expect((await replay(key, "we_unknown", WINDOW)).status).toBe(404);

    const testKey = await keyFor(property, ["webhooks:write", "full_access:read"], "TEST");
    const dry = await replay(testKey, endpoint.id, WINDOW);
    expect(dry).toMatchObject({ status: 202, body: { data: { total: 2 }, livemode: false } });
    expect(await db.webhookDelivery.count({ where: { id: { in: ids }, status: "PENDING" } })).toBe(0);
    expect(await db.webhookReplay.count({ where: { endpointId: endpoint.id } })).toBe(0);

    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false } });
    expect((await replay(key, endpoint.id, WINDOW)).body).toMatchObject({ code: "INVALID_STATE" });
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: true } });

    await getPool().query(
      `INSERT INTO "WebhookDelivery" (id, "propertyId", "endpointId", "eventType", payload, status, "createdAt", "updatedAt")
       SELECT 'msg_bulk' || n, $1, $2, 'guest.erased', '{}', 'FAILED', '2026-09-01T00:00:00Z'::timestamptz + n * interval '1 second', now()
       FROM generate_series(1, $3::int) n`,
      [property.id, endpoint.id, MAX_REPLAY + 1],
    );
    const wide = await replay(key, endpoint.id, { since: "2026-09-01T00:00:00Z", until: "2026-09-02T00:00:00Z" });
    expect(wide).toMatchObject({
      status: 409,
      body: { details: [{ path: "until", message: "10,001 deliveries; at most 10,000 per replay" }] },
    });
    const most = await replay(key, endpoint.id, { since: "2026-09-01T00:00:02Z", until: "2026-09-02T00:00:00Z" });
    expect(most).toMatchObject({ status: 202, body: { data: { total: MAX_REPLAY } } });
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "PENDING" } })).toBe(MAX_REPLAY);
  }, 60_000);
});

// An idle worker wakes on the commit that queues its work (LISTEN/NOTIFY), not on its next poll: every
// worker here polls only every 5 s, so a delivery that arrives within 1 s was woken by a notification.
// Its listening connection may drop (terminated by an administrator, a server restart): it listens
// again and goes on delivering. Runs on the embedded database and on PostgreSQL (TEST_DATABASE_URL).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver } from "../../../test/webhook-receiver";
import { createProperty } from "../../../test/fixtures";
import { databaseSettings, db, getPool } from "../../db/client";
import { notificationScanner } from "../../db/embedded-notifications";
import { env } from "../../env";
import { recordDomainEvent } from "../../events/record-domain-event";
import { resendDelivery } from "../resend-delivery";
import { sendTestEvent } from "../send-test-event";
import { OUTBOX_CHANNEL } from "./outbox-notifications";
import { newSigningSecret } from "./signing";
import { WebhookWorker } from "./webhook-worker";

const POLL_MS = 5_000;
const system = { type: "SYSTEM" as const, id: null, label: "test" };
const secret = newSigningSecret();
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let propertyId: string;
let endpointId: string;

beforeAll(async () => {
  receiver = await startReceiver({ secrets: () => [secret] });
  const { property } = await createProperty({ rooms: 0 });
  propertyId = property.id;
  const endpoint = await db.webhookEndpoint.create({
    data: { id: "we_notify", propertyId, url: receiver.url, eventTypes: ["*"], secret, createdAt: new Date(Date.now() - 60_000) },
  });
  endpointId = endpoint.id;
});

afterAll(async () => {
  await receiver.close();
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Commits one domain event as the app does; resolves with how long after the commit it reached the receiver. */
async function commitAndTime(): Promise<number> {
  const eventId = await db.$transaction((tx) => recordDomainEvent(tx, { propertyId, type: "reservation.created", data: {} as never }));
  const committedAt = Date.now();
  await until(() => receiver.received.some((r) => r.json.id === eventId), POLL_MS * 3, `event ${eventId}`);
  return receiver.received.find((r) => r.json.id === eventId)!.at - committedAt;
}

/** A worker that has made its first pass and gone idle for a whole poll. */
async function idleWorker(logs: string[] = []) {
  const worker = new WebhookWorker({ pool: getPool(), pollMs: POLL_MS, allowPrivate: true, log: (m) => logs.push(m) });
  worker.start();
  await new Promise((resolve) => setTimeout(resolve, 500));
  return worker;
}

describe("the webhook worker wakes on NOTIFY", () => {
  it("sends an event committed while it idles within 1 s, with a 5 s poll, again and again", async () => {
    const worker = await idleWorker();
    try {
      for (let i = 0; i < 3; i++) {
        expect(await commitAndTime()).toBeLessThan(1_000);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await worker.stop();
    }
    expect(receiver.received.every((r) => r.verified)).toBe(true);
  });

  it("sends a test event and a resend at once too (both notify in their transaction)", async () => {
    const worker = await idleWorker();
    try {
      const ping = await sendTestEvent({ propertyId, actor: system }, endpointId);
      const pingAt = Date.now();
      await until(() => receiver.received.some((r) => r.id === ping.id), 1_000, "the test event");
      await until(
        async () => (await db.webhookDelivery.findUniqueOrThrow({ where: { id: ping.id } })).status === "SUCCEEDED",
        2_000,
        "record",
      );
      const before = receiver.received.filter((r) => r.id === ping.id).length;
      await resendDelivery({ propertyId, actor: system }, ping.id);
      await until(() => receiver.received.filter((r) => r.id === ping.id).length > before, 1_000, "the resend");
      expect(Date.now() - pingAt).toBeLessThan(POLL_MS);
    } finally {
      await worker.stop();
    }
  });

  it.skipIf(!env().TEST_DATABASE_URL)("listens again after its connection is terminated, and still delivers (PostgreSQL)", async () => {
    const logs: string[] = [];
    const worker = await idleWorker(logs);
    const listenerPid = async () => {
      const { rows } = await getPool().query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1 AND pid <> pg_backend_pid()`,
        [`LISTEN ${OUTBOX_CHANNEL}`],
      );
      return rows.map((r) => r.pid);
    };
    try {
      const [first] = await listenerPid();
      expect(first).toBeDefined();
      const admin = new pg.Client({ connectionString: databaseSettings().url });
      await admin.connect();
      await admin.query("SELECT pg_terminate_backend($1)", [first]);
      await admin.end();
      // Committed right away, while the listener is down: delivered by the pass the loss itself
      // triggers, or by the one after listening again, long before the 5 s poll.
      expect(await commitAndTime()).toBeLessThan(2_000);
      await until(async () => (await listenerPid()).some((pid) => pid !== first), 5_000, "a new listening connection");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await commitAndTime()).toBeLessThan(1_000);
      expect(logs.some((m) => m.includes("listening connection lost"))).toBe(true);
    } finally {
      await worker.stop();
    }
    expect(await listenerPid()).toEqual([]);
  });
});

describe("LISTEN/NOTIFY between connections (the embedded database relays them as PostgreSQL does)", () => {
  it("delivers a notification committed on one connection to every other that listens on its channel, until UNLISTEN", async () => {
    const connect = async () => {
      const client = new pg.Client({ connectionString: databaseSettings().url });
      await client.connect();
      const heard: string[] = [];
      client.on("notification", (n) => heard.push(`${n.channel}:${n.payload ?? ""}`));
      return { client, heard };
    };
    const [a, b, quiet] = [await connect(), await connect(), await connect()];
    try {
      await a.client.query("LISTEN relay_test");
      await b.client.query('LISTEN "Relay Test"');
      await getPool().query("SELECT pg_notify('relay_test', 'one'), pg_notify('Relay Test', 'two')");
      await quiet.client.query("BEGIN; SELECT pg_notify('relay_test', 'three'); COMMIT");
      await until(() => a.heard.length >= 2 && b.heard.length >= 1, 2_000, "the notifications");
      await b.client.query("UNLISTEN *");
      await getPool().query("SELECT pg_notify('Relay Test', 'after unlisten'), pg_notify('relay_test', 'four')");
      await until(() => a.heard.length >= 3, 2_000, "the last notification");
      expect(a.heard).toEqual(["relay_test:one", "relay_test:three", "relay_test:four"]);
      expect(b.heard).toEqual(["Relay Test:two"]);
      // Unlike PostgreSQL, the embedded database also hands a connection the notifications its own
      // commits raise, listening or not (they come back in its answer from PGlite's one session).
      expect(quiet.heard).toEqual(env().TEST_DATABASE_URL ? [] : ["relay_test:three"]);
    } finally {
      await Promise.all([a, b, quiet].map(({ client }) => client.end()));
    }
  });
});

describe("notifications read out of the embedded database's answers", () => {
  const frame = (type: string, body: Buffer) => {
    const header = Buffer.alloc(5);
    header.write(type, 0);
    header.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([header, body]);
  };
  const notification = (channel: string, payload: string) =>
    frame("A", Buffer.concat([Buffer.alloc(4), Buffer.from(`${channel}\0${payload}\0`)]));

  it("finds them among other messages, however the answer is cut into chunks", () => {
    const answer = Buffer.concat([
      frame("C", Buffer.from("COMMIT\0")),
      frame("D", Buffer.alloc(3000, 7)),
      notification("pms_webhook_outbox", ""),
      notification("other", "é payload"),
      frame("Z", Buffer.from("I")),
    ]);
    for (const size of [1, 2, 5, 7, 64, 4096]) {
      const seen: [string, string][] = [];
      const scan = notificationScanner((channel, payload) => seen.push([channel, payload]));
      for (let at = 0; at < answer.length; at += size) scan(answer.subarray(at, at + size));
      expect(seen).toEqual([
        ["pms_webhook_outbox", ""],
        ["other", "é payload"],
      ]);
    }
  });
});

// Crash safety: a worker process (`npm run worker`'s script) is killed with SIGKILL in the middle of
// delivering 1,000 events; after a restart every event reaches the receiver at least once, every
// duplicate carries the same webhook-id as its first copy, and nothing is lost.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { startReceiver } from "../../../test/webhook-receiver";
import { createProperty } from "../../../test/fixtures";
import { databaseSettings, db } from "../../db/client";
import { newEventId } from "../../events/record-domain-event";
import { childProcessEnv } from "../../env";
import { newSigningSecret } from "./signing";

const EVENTS = 1_000;
const children: ChildProcess[] = [];

function startWorker(): ChildProcess {
  // Node itself with tsx as a loader (not the tsx launcher, whose SIGKILL would leave its node child running).
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
    env: childProcessEnv({
      DATABASE_URL: databaseSettings().url,
      DATABASE_POOL_SIZE: String(databaseSettings().poolSize),
      WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "true",
      // Short leases, so the killed worker's claims come back within seconds rather than 30 s.
      WEBHOOK_TIMEOUT_MS: "2000",
      WEBHOOK_LEASE_MS: "3000",
      WEBHOOK_POLL_MS: "50",
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[worker ${child.pid}] ${chunk.toString()}`));
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await Promise.all(children.map(exited));
});

describe("a worker killed mid-run", () => {
  it("loses nothing: after a restart all 1,000 events arrive, duplicates with the same webhook-id", async () => {
    const secret = newSigningSecret();
    // Each answer takes 100 ms, so the kill lands while received attempts wait to be recorded.
    const receiver = await startReceiver({
      secrets: () => [secret],
      answer: () => new Promise((resolve) => setTimeout(() => resolve({ status: 200, body: "ok" }), 100)),
    });
    try {
      const { property } = await createProperty({ rooms: 0 });
      const endpoint = await db.webhookEndpoint.create({
        data: {
          id: "we_crash",
          propertyId: property.id,
          url: receiver.url,
          eventTypes: ["*"],
          secret,
          createdAt: new Date(Date.now() - 60_000),
        },
      });
      await db.outboxEvent.createMany({
        data: Array.from({ length: EVENTS }, (_, n) => ({
          id: newEventId(),
          propertyId: property.id,
          type: "reservation.created",
          payload: { n },
        })),
      });

      const first = startWorker();
      await until(() => receiver.received.length >= 150, 60_000, "the first worker to be mid-run");
      first.kill("SIGKILL");
      await exited(first);
      const atKill = receiver.received.length;
      expect(atKill).toBeLessThan(EVENTS);

      const killedAt = Date.now();
      const second = startWorker();
      // While a worker runs, this process stays off the database: the embedded database multiplexes
      // one session, which two processes' interleaved queries must not share. The receiver tells us.
      const eventIds = () => new Set(receiver.received.map((r) => r.json.id));
      await until(() => eventIds().size === EVENTS, 90_000, "every event to arrive after the restart");
      // The killed worker's leases (3 s) run out, then what it had sent but not recorded goes again.
      let last = { count: -1, at: Date.now() };
      await until(
        () => {
          if (receiver.received.length !== last.count) last = { count: receiver.received.length, at: Date.now() };
          return Date.now() - killedAt > 4_000 && Date.now() - last.at > 1_500;
        },
        60_000,
        "the re-sent deliveries to settle",
      );
      second.kill("SIGTERM");
      await exited(second);
      expect(second.exitCode ?? second.signalCode).toBe("SIGTERM");
      expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "SUCCEEDED" } })).toBe(EVENTS);

      // Every copy of an event carries one webhook-id, and every webhook-id one event.
      const idsByEvent = new Map<string, Set<string>>();
      for (const r of receiver.received) idsByEvent.set(r.json.id, (idsByEvent.get(r.json.id) ?? new Set()).add(r.id));
      expect(idsByEvent.size).toBe(EVENTS);
      expect([...idsByEvent.values()].every((ids) => ids.size === 1)).toBe(true);
      expect(new Set(receiver.received.map((r) => r.id)).size).toBe(EVENTS);
      expect(receiver.received.every((r) => r.verified)).toBe(true);
      expect(new Set(receiver.received.map((r) => (r.json.data as { n: number }).n)).size).toBe(EVENTS);
      expect(await db.outboxEvent.count({ where: { propertyId: property.id, dispatchedAt: null } })).toBe(0);
      const duplicates = receiver.received.length - EVENTS;
      console.log(`crash test: ${atKill} received before SIGKILL, ${receiver.received.length} in all, ${duplicates} duplicate(s)`);
    } finally {
      await receiver.close();
    }
  }, 180_000);
});

// `npm run bench:webhooks`: the webhook worker against a local receiver (its own thread, so it does
// not share the worker's event loop), on a fresh embedded database in a process of its own, as under
// `npm start` (or BENCH_DATABASE_URL).
// 1. Throughput: 5,000 deliveries queued in the outbox, to one endpoint and then spread over four,
//    delivered by one worker: deliveries/s, side by side with the same signed POSTs sent straight
//    from memory (no database) at the same concurrency, the ceiling of this machine's HTTP stack.
// 2. Latency: events committed one by one at a steady rate while the worker runs: time from each
//    event's commit to its first attempt reaching the receiver (p50, p95, p99).
// Results also go to .reports/bench-webhooks.json.
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { migrate } from "../lib/db/migrate";
import { openBenchDatabase, type OpenDatabase } from "../lib/db/open-database";
import { runWithDatabase } from "../lib/db/run-cli";
import { env } from "../lib/env";
import { requestHeaders, sendAttempt } from "../lib/webhooks/engine/send-attempt";
import { OUTBOX_CHANNEL } from "../lib/webhooks/engine/outbox-notifications";
import { newSigningSecret, signedHeaders } from "../lib/webhooks/engine/signing";
import { WebhookWorker } from "../lib/webhooks/engine/webhook-worker";

const RECEIVER = `
const http = require("node:http");
const { parentPort } = require("node:worker_threads");
const firstSeen = new Map();
let count = 0;
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    count++;
    const id = JSON.parse(Buffer.concat(chunks).toString()).id;
    if (!firstSeen.has(id)) firstSeen.set(id, Date.now());
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok");
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.address().port }));
parentPort.on("message", (m) => {
  if (m === "stats") parentPort.postMessage({ count, unique: firstSeen.size, firstSeen: [...firstSeen] });
  if (m === "reset") { count = 0; firstSeen.clear(); parentPort.postMessage({ reset: true }); }
});
`;

function receiver() {
  const thread = new Worker(RECEIVER, { eval: true });
  const ask = <T>(message: string) =>
    new Promise<T>((resolve) => thread.once("message", (reply: T) => resolve(reply)) && thread.postMessage(message));
  const ready = new Promise<number>((resolve) => thread.once("message", (m: { port: number }) => resolve(m.port)));
  return {
    ready,
    stats: () => ask<{ count: number; unique: number; firstSeen: [string, number][] }>("stats"),
    reset: () => ask("reset"),
    stop: () => thread.terminate(),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(database: OpenDatabase) {
  const {
    BENCH_WEBHOOK_EVENTS: EVENTS,
    BENCH_WEBHOOK_LATENCY_EVENTS: LATENCY_EVENTS,
    BENCH_WEBHOOK_RATE: LATENCY_RATE,
    WEBHOOK_CONCURRENCY: CONCURRENCY,
    WEBHOOK_ENDPOINT_CONCURRENCY: ENDPOINT_CONCURRENCY,
  } = env();
  await migrate(database.url);
  // Sessions in UTC, as the app's (the outbox's timestamps have no time zone).
  const pool = new pg.Pool({ connectionString: database.url, max: database.poolSize, options: "-c TimeZone=UTC" });
  const rx = receiver();
  const port = await rx.ready;
  const endpointUrl = `http://127.0.0.1:${port}/hooks`;
  const secret = newSigningSecret();
  try {
    const propertyId = `bench${Date.now()}`;
    await pool.query(`INSERT INTO "Property" (id, slug, name, plan, "updatedAt") VALUES ($1, $1, 'Bench', 'PRO', now())`, [propertyId]);
    await pool.query(
      `INSERT INTO "WebhookEndpoint" (id, "propertyId", url, "eventTypes", secret, "createdAt", "updatedAt") VALUES ($1 || '_1', $1, $2, '{*}', $3, now() - interval '1 minute', now())`,
      [propertyId, endpointUrl, secret],
    );
    const insertEvents = (count: number, from: number) =>
      pool.query(
        `WITH e AS (INSERT INTO "OutboxEvent" (id, "propertyId", type, payload) SELECT 'evt_' || $1 || '_' || g, $1, 'reservation.created', jsonb_build_object('reservation', jsonb_build_object('n', g, 'code', 'BENCH-' || g, 'status', 'CONFIRMED', 'notes', repeat('x', 400))) FROM generate_series($2::int, $3::int) g RETURNING 1)
         SELECT pg_notify($4, '') FROM (SELECT count(*) FROM e) n`,
        [propertyId, from, from + count - 1, OUTBOX_CHANNEL],
      );

    // 1. Throughput, for one endpoint (at most ENDPOINT_CONCURRENCY requests in flight to it) and for
    // four (up to CONCURRENCY in flight), each next to the same signed POSTs sent from memory with the
    // same concurrency and no database: the ceiling this machine's HTTP stack sets.
    const raw = async (count: number, concurrency: number) => {
      const body = JSON.stringify({
        id: "evt_x",
        type: "reservation.created",
        createdAt: new Date().toISOString(),
        data: { reservation: { notes: "x".repeat(400) } },
      });
      let next = 0;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < count) {
            const n = next++;
            await sendAttempt(
              { url: endpointUrl, headers: requestHeaders(signedHeaders([secret], `msg_raw_${n}`, new Date(), body)), body },
              { allowPrivate: true },
            );
          }
        }),
      );
      await rx.reset();
      return count / ((performance.now() - start) / 1000);
    };
    const worker = new WebhookWorker({
      pool,
      allowPrivate: true,
      concurrency: CONCURRENCY,
      endpointConcurrency: ENDPOINT_CONCURRENCY,
      log: (m) => console.error(m),
    });
    let eventNumber = 0;
    const engine = async (events: number) => {
      const { rows: endpoints } = await pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM "WebhookEndpoint" WHERE enabled AND "propertyId" = $1`,
        [propertyId],
      );
      const deliveries = events * Number(endpoints[0]!.n);
      const succeeded = async () =>
        Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "WebhookDelivery" WHERE status = 'SUCCEEDED'`)).rows[0]!.n);
      const before = await succeeded();
      const recordedBefore = worker.recorded;
      await insertEvents(events, eventNumber + 1);
      eventNumber += events;
      const start = performance.now();
      worker.start();
      // Watched through the worker's own count of recorded attempts, not a count(*) every 20 ms that
      // would compete with the worker for the database; the database confirms the figure below.
      while (worker.recorded - recordedBefore < deliveries) await sleep(5);
      const seconds = (performance.now() - start) / 1000;
      await worker.stop();
      const confirmed = (await succeeded()) - before;
      if (confirmed < deliveries) throw new Error(`only ${confirmed} of ${deliveries} deliveries succeeded in the database`);
      const stats = await rx.stats();
      await rx.reset();
      return { deliveries, perSecond: deliveries / seconds, received: stats.count };
    };
    const rawOne = await raw(EVENTS, ENDPOINT_CONCURRENCY);
    const one = await engine(EVENTS);
    for (const n of [2, 3, 4]) {
      await pool.query(
        `INSERT INTO "WebhookEndpoint" (id, "propertyId", url, "eventTypes", secret, "createdAt", "updatedAt") VALUES ($1, $2, $3, '{*}', $4, now() - interval '1 minute', now())`,
        [`${propertyId}_${n}`, propertyId, `${endpointUrl}/${n}`, secret],
      );
    }
    const rawFour = await raw(EVENTS, CONCURRENCY);
    const four = await engine(EVENTS / 4);
    await pool.query(`UPDATE "WebhookEndpoint" SET enabled = false WHERE "propertyId" = $1 AND id <> $1 || '_1'`, [propertyId]);
    worker.start();

    // 2. Latency: events committed one at a time, LATENCY_RATE per second, while the worker runs; each
    // notifies the worker in its transaction, as recordDomainEvent does.
    const committed = new Map<string, number>();
    for (let i = 0; i < LATENCY_EVENTS; i++) {
      const id = `evt_${propertyId}_lat_${i}`;
      await pool.query(
        `WITH e AS (INSERT INTO "OutboxEvent" (id, "propertyId", type, payload) VALUES ($1, $2, 'reservation.created', '{"reservation":{}}') RETURNING 1)
         SELECT pg_notify($3, '') FROM e`,
        [id, propertyId, OUTBOX_CHANNEL],
      );
      committed.set(id, Date.now());
      await sleep(1000 / LATENCY_RATE);
    }
    for (;;) {
      const stats = await rx.stats();
      if (stats.unique >= LATENCY_EVENTS) break;
      await sleep(50);
    }
    await worker.stop();
    const seen = new Map((await rx.stats()).firstSeen);
    const latencies = [...committed].map(([id, at]) => seen.get(id)! - at).sort((a, b) => a - b);

    const result = {
      database: database.embedded ? "embedded PGlite" : "PostgreSQL",
      oneEndpoint: {
        deliveries: one.deliveries,
        inFlight: ENDPOINT_CONCURRENCY,
        deliveriesPerSecond: Math.round(one.perSecond),
        rawPostsPerSecond: Math.round(rawOne),
        ratio: one.perSecond / rawOne,
        received: one.received,
      },
      fourEndpoints: {
        deliveries: four.deliveries,
        inFlight: CONCURRENCY,
        deliveriesPerSecond: Math.round(four.perSecond),
        rawPostsPerSecond: Math.round(rawFour),
        ratio: four.perSecond / rawFour,
        received: four.received,
      },
      latencyMs: {
        events: LATENCY_EVENTS,
        ratePerSecond: LATENCY_RATE,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        max: latencies.at(-1),
      },
    };
    console.log(`\nwebhooks on ${result.database} (outbox → deliveries → signed POST → recorded attempt), target ≥ 300 deliveries/s:`);
    for (const [name, r] of [
      ["one endpoint", result.oneEndpoint],
      ["four endpoints", result.fourEndpoints],
    ] as const) {
      console.log(
        `  ${name}, ${r.deliveries} deliveries, ${r.inFlight} in flight: ${r.deliveriesPerSecond} deliveries/s; the same POSTs from memory: ${r.rawPostsPerSecond}/s; ratio ${r.ratio.toFixed(2)} (${r.received} received)`,
      );
    }
    console.log(
      `  committed event → first attempt, ${LATENCY_EVENTS} events at ${LATENCY_RATE}/s: p50 ${result.latencyMs.p50} ms (target < 250), p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms`,
    );
    fs.mkdirSync(".reports", { recursive: true });
    fs.writeFileSync(path.join(".reports", "bench-webhooks.json"), JSON.stringify(result, null, 2));
  } finally {
    await rx.stop();
    await pool.end();
  }
}

await runWithDatabase({ name: "bench:webhooks", requireMigrated: false, open: () => openBenchDatabase(env(), { ownProcess: true }) }, main);

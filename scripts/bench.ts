// `npm run bench`: starts the production build (with its own embedded database, or BENCH_DATABASE_URL)
// and measures, side by side in one run, GET /api/v1/properties with a valid key and a page of 25
// reservations of the demo data against the bare GET /api/health that touches nothing. Rounds alternate between the routes so that the machine's
// noise falls on both alike; the report is the ratio. Results also go to .reports/bench.json.
import { execFile, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import autocannon from "autocannon";
import { freePort } from "../lib/db/embedded";
import { cliFailure } from "../lib/db/run-cli";
import { childProcessEnv, env } from "../lib/env";

const run = promisify(execFile);

interface Sample {
  requests: number;
  p50: number;
  p99: number;
  non2xx: number;
}

interface Route {
  url: string;
  headers: Record<string, string>;
  method?: "GET" | "POST";
  body?: string;
  /** A fresh Idempotency-Key per request, as a real client sends. */
  idempotent?: boolean;
}

async function load(route: Route, seconds: number, connections: number): Promise<Sample> {
  const result = await autocannon({
    url: route.url,
    connections,
    duration: seconds,
    requests: [
      {
        method: route.method ?? "GET",
        headers: route.headers,
        body: route.body,
        setupRequest: (request) =>
          route.idempotent ? { ...request, headers: { ...request.headers, "idempotency-key": randomUUID() } } : request,
      },
    ],
  });
  return { requests: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not come up in ${timeoutMs / 1000}s`);
}

async function main() {
  const { BENCH_ROUNDS: ROUNDS, BENCH_SECONDS: SECONDS, BENCH_CONNECTIONS: CONNECTIONS, BENCH_DATABASE_URL } = env();
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) {
    console.log("building the app first (next build)…");
    await run(path.join("node_modules", ".bin", "next"), ["build"]);
  }
  const port = await freePort();
  const dataDir = path.join(".data", "bench");
  fs.rmSync(dataDir, { recursive: true, force: true });
  // The server (and the keys CLI) on BENCH_DATABASE_URL, or on an embedded database of their own.
  const appEnv = childProcessEnv({
    PORT: String(port),
    PGLITE_DATA_DIR: dataDir,
    NODE_ENV: "production",
    PMS_BENCH: "1",
    DATABASE_URL: BENCH_DATABASE_URL,
  });
  const app = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    env: appEnv,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`, 180_000);
    const cli = (...args: string[]) =>
      run(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/keys.ts", ...args], {
        env: appEnv,
        encoding: "utf8",
      });
    // The benchmark measures the limiter's cost, not its refusals: lift the demo property's limits.
    await cli("limits", "--property", "grand-hotel", "--per-second", "10000", "--burst", "20000", "--per-day", "100000000");
    const { stdout } = await cli("create", "--property", "grand-hotel", "--name", "Benchmark", "--scopes", "full_access:write");
    const key = /(pms_live_\S+)/.exec(stdout)?.[1];
    if (!key) throw new Error(`could not create a key: ${stdout}`);
    const auth = { authorization: `Bearer ${key}` };
    const conversations = (await (await fetch(`${base}/api/v1/conversations?limit=1`, { headers: auth })).json()) as {
      data: { id: string }[];
    };
    const messages = `${base}/api/v1/conversations/${conversations.data[0]!.id}/messages`;
    const message = { method: "POST" as const, body: JSON.stringify({ body: "Benchmark message" }) };
    const routes: Record<string, Route> = {
      "GET /api/health (bare)": { url: `${base}/api/health`, headers: {} },
      "GET /api/v1/properties (authenticated)": { url: `${base}/api/v1/properties`, headers: auth },
      "GET /api/v1/properties, no rate limit": { url: `${base}/api/v1/properties`, headers: { ...auth, "x-bench-bypass": "rate-limits" } },
      "GET /api/v1/properties, no request log": {
        url: `${base}/api/v1/properties`,
        headers: { ...auth, "x-bench-bypass": "request-logs" },
      },
      "GET /api/v1/reservations?limit=25": { url: `${base}/api/v1/reservations?limit=25`, headers: auth },
      "POST …/messages (idempotency + limit)": {
        url: messages,
        headers: { ...auth, "content-type": "application/json" },
        ...message,
        idempotent: true,
      },
      "POST …/messages, neither": {
        url: messages,
        headers: { ...auth, "content-type": "application/json", "x-bench-bypass": "rate-limits,idempotency" },
        ...message,
      },
    };
    for (const [name, route] of Object.entries(routes)) {
      const check = await fetch(route.url, {
        method: route.method ?? "GET",
        headers: { ...route.headers, ...(route.idempotent ? { "idempotency-key": randomUUID() } : {}) },
        body: route.body,
      });
      if (check.status >= 300) throw new Error(`${name} answered ${check.status}: ${await check.text()}`);
    }

    for (const route of Object.values(routes)) await load(route, 2, CONNECTIONS); // warm-up
    const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(routes).map((name) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? Object.entries(routes) : Object.entries(routes).reverse();
      for (const [name, route] of order) samples[name]!.push(await load(route, SECONDS, CONNECTIONS));
    }

    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const summary = Object.fromEntries(
      Object.entries(samples).map(([name, list]) => [
        name,
        {
          requestsPerSecond: Math.round(mean(list.map((s) => s.requests))),
          p50Ms: mean(list.map((s) => s.p50)),
          p99Ms: mean(list.map((s) => s.p99)),
          non2xx: list.reduce((a, s) => a + s.non2xx, 0),
        },
      ]),
    );
    const rps = (name: string) => summary[name]!.requestsPerSecond;
    const ratio = rps("GET /api/v1/properties (authenticated)") / rps("GET /api/health (bare)");
    const reservationsRatio = rps("GET /api/v1/reservations?limit=25") / rps("GET /api/health (bare)");
    const rateLimitRatio = rps("GET /api/v1/properties (authenticated)") / rps("GET /api/v1/properties, no rate limit");
    const idempotencyRatio = rps("POST …/messages (idempotency + limit)") / rps("POST …/messages, neither");
    const loggingRatio = rps("GET /api/v1/properties (authenticated)") / rps("GET /api/v1/properties, no request log");
    console.log(
      `\n${ROUNDS} alternating rounds of ${SECONDS}s, ${CONNECTIONS} connections, ${BENCH_DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}:`,
    );
    console.log("route".padEnd(44) + "req/s".padStart(8) + "p50 ms".padStart(9) + "p99 ms".padStart(9) + "non-2xx".padStart(9));
    for (const [name, s] of Object.entries(summary)) {
      console.log(
        name.padEnd(44) +
          String(s.requestsPerSecond).padStart(8) +
          s.p50Ms.toFixed(1).padStart(9) +
          s.p99Ms.toFixed(1).padStart(9) +
          String(s.non2xx).padStart(9),
      );
    }
    console.log(`\nauthenticated / bare throughput: ${ratio.toFixed(2)} (target ≥ 0.80)`);
    console.log(`reservations page of 25 / bare throughput: ${reservationsRatio.toFixed(2)}`);
    console.log(`with rate limiting / without (GET /api/v1/properties): ${rateLimitRatio.toFixed(2)}`);
    console.log(`with idempotency + rate limiting / without (POST messages): ${idempotencyRatio.toFixed(2)}`);
    console.log(`with request logging / without (GET /api/v1/properties): ${loggingRatio.toFixed(2)}`);
    fs.mkdirSync(".reports", { recursive: true });
    fs.writeFileSync(
      ".reports/bench.json",
      JSON.stringify(
        {
          at: new Date().toISOString(),
          rounds: ROUNDS,
          seconds: SECONDS,
          connections: CONNECTIONS,
          summary,
          ratio,
          reservationsRatio,
          rateLimitRatio,
          idempotencyRatio,
          loggingRatio,
        },
        null,
        2,
      ),
    );
  } finally {
    process.kill(-app.pid!, "SIGTERM");
    await new Promise((resolve) => app.on("exit", resolve));
  }
}

main().catch((error: unknown) => {
  const failure = cliFailure(error, { name: "bench" });
  console.error(failure.message);
  process.exit(failure.exitCode);
});

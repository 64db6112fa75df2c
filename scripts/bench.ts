// `npm run bench:api -- --runs N [--bypass]` (`npm run bench` runs it with one run, then bench:webhooks). Starts the production
// build (with its own embedded database, or BENCH_DATABASE_URL) and measures each API case against two references
// in the same run: the bare GET /api/health that touches nothing, and the case's physical floor
// (app/api/bench/floor/**: the same SQL over raw `pg`, nothing else). Rounds alternate their order so the
// machine's noise falls on all alike; the whole measurement repeats --runs times on the same server and each
// ratio is reported with its spread across runs. Before measuring, each floor must answer what its product
// route answers. --bypass adds the product route with rate limits, request logs and idempotency bypassed
// (X-Bench-Bypass). Also reported: the next-server process's peak RSS. Results go to .reports/bench.json.
import { execFile, spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { deepStrictEqual } from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import autocannon from "autocannon";
import { freePort } from "../lib/db/embedded";
import { cliFailure, UsageError } from "../lib/db/run-cli";
import { childProcessEnv, env } from "../lib/env";

const run = promisify(execFile);
const USAGE = "usage: npm run bench:api -- [--runs N (1–20, default 1)] [--bypass]";

interface Sample {
  requests: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

interface Route {
  url: string;
  headers: Record<string, string>;
  method?: "GET" | "POST";
  body?: string;
  /** A fresh Idempotency-Key per request, as a real client sends. */
  idempotent?: boolean;
}

const FIGURES = ["floor", "product", "bypassed"] as const;
type Figure = (typeof FIGURES)[number];
type Case = Partial<Record<Figure, Route>> & { floor: Route; product: Route };

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
  return {
    requests: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
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

/** The Next.js server among the processes below `root` (it titles itself "next-server (v…)"), or null. */
function nextServerPid(root: number): number | null {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended meanwhile
    }
  }
  const below = (pid: number) => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === root) return true;
    return false;
  };
  const servers = [...parents.keys()].filter((pid) => {
    if (!below(pid)) return false;
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith("next-server");
    } catch {
      return false;
    }
  });
  return servers[0] ?? null;
}

/** VmRSS of a process in MB, or null once it is gone. */
function rssMb(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
function average(list: Sample[]) {
  return {
    requestsPerSecond: Math.round(mean(list.map((s) => s.requests))),
    p50Ms: mean(list.map((s) => s.p50)),
    p99Ms: mean(list.map((s) => s.p99)),
    non2xx: list.reduce((a, s) => a + s.non2xx, 0),
    errors: list.reduce((a, s) => a + s.errors, 0),
  };
}
type Summary = ReturnType<typeof average>;
interface Ratios {
  productToBare: number;
  productToFloor: number;
  productToBypassed?: number;
}
type CaseResult = Partial<Record<Figure, Summary>> & { bare: Summary; ratios: Ratios };
interface RunResult {
  run: number;
  peakRssMb: number | null;
  cases: Record<string, CaseResult>;
}

function options() {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "1" }, bypass: { type: "boolean", default: false } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 20)
    throw new UsageError(`--runs must be a whole number from 1 to 20, not ${values.runs}`);
  return { runs, bypass: values.bypass };
}

/** Fails the bench when a floor does not answer what the product answers: the comparison would be unfair. */
async function checkFloorMatchesProduct(name: string, c: Case) {
  const answer = async (route: Route) => {
    const response = await fetch(route.url, {
      method: route.method ?? "GET",
      headers: { ...route.headers, ...(route.idempotent ? { "idempotency-key": randomUUID() } : {}) },
      body: route.body,
    });
    if (response.status >= 300) throw new Error(`${name} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { data: Record<string, unknown> | Record<string, unknown>[]; nextCursor?: string | null };
  };
  const [floor, product] = [await answer(c.floor), await answer(c.product)];
  if (c.bypassed) await answer(c.bypassed);
  try {
    if (c.product.method === "POST") {
      // Two messages, two ids: the same fields, the same text.
      deepStrictEqual(Object.keys(floor.data).sort(), Object.keys(product.data).sort());
    } else {
      deepStrictEqual({ data: floor.data, nextCursor: floor.nextCursor }, { data: product.data, nextCursor: product.nextCursor });
    }
  } catch (error) {
    throw new Error(
      `the floor of ${name} does not answer what the product does: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function main() {
  const { runs, bypass } = options();
  const { BENCH_ROUNDS: ROUNDS, BENCH_SECONDS: SECONDS, BENCH_CONNECTIONS: CONNECTIONS, BENCH_DATABASE_URL, DATA_ENCRYPTION_KEYS } = env();
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
    // On a PostgreSQL server `npm start` refuses to generate this key (instances sharing a server must share
    // it). A benchmark database holds nothing worth keeping: a fixed throwaway key, the same on every run so
    // that a rerun still reads what the previous one sealed.
    ...(BENCH_DATABASE_URL && !DATA_ENCRYPTION_KEYS
      ? { DATA_ENCRYPTION_KEYS: `k1:${createHash("sha256").update("pms bench: throwaway data encryption key").digest("base64")}` }
      : {}),
  });
  const app = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    env: appEnv,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`, 180_000);
    const server = nextServerPid(app.pid!);
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
    const first = async (url: string) =>
      ((await (await fetch(`${base}${url}`, { headers: auth })).json()) as { data: { id: string }[] }).data[0]!.id;
    const property = await first("/api/v1/properties");
    const reservation = await first("/api/v1/reservations?limit=1");
    const conversation = await first("/api/v1/conversations?limit=1");

    const bypassAll = { "x-bench-bypass": "rate-limits,request-logs,idempotency" };
    const post = { method: "POST" as const, body: JSON.stringify({ body: "Benchmark message" }) };
    const json = { "content-type": "application/json" };
    const variants = (url: string, extra: Partial<Route> = {}, headers: Record<string, string> = {}) => ({
      product: { url: `${base}/api/v1${url}`, headers: { ...auth, ...headers }, ...extra },
      ...(bypass ? { bypassed: { url: `${base}/api/v1${url}`, headers: { ...auth, ...headers, ...bypassAll }, ...extra } } : {}),
    });
    const cases: Record<string, Case> = {
      "GET /properties": { floor: { url: `${base}/api/bench/floor/properties?slug=grand-hotel`, headers: {} }, ...variants("/properties") },
      "GET /reservations?limit=25": {
        floor: { url: `${base}/api/bench/floor/reservations?property=${property}&limit=25`, headers: {} },
        ...variants("/reservations?limit=25"),
      },
      "GET /reservations/{id}": {
        floor: { url: `${base}/api/bench/floor/reservations/${reservation}?property=${property}`, headers: {} },
        ...variants(`/reservations/${reservation}`),
      },
      "POST /conversations/{id}/messages": {
        floor: { url: `${base}/api/bench/floor/conversations/${conversation}/messages?property=${property}`, headers: json, ...post },
        ...variants(`/conversations/${conversation}/messages`, { ...post, idempotent: true }, json),
      },
    };
    for (const [name, c] of Object.entries(cases)) await checkFloorMatchesProduct(name, c);

    const bare: Route = { url: `${base}/api/health`, headers: {} };
    const routes: [string, Route][] = [
      ["bare", bare],
      ...Object.entries(cases).flatMap(([name, c]) => FIGURES.flatMap((f) => (c[f] ? [[`${name} ${f}`, c[f]] as [string, Route]] : []))),
    ];
    for (const [, route] of routes) await load(route, 2, CONNECTIONS); // warm-up

    const database = BENCH_DATABASE_URL ? "PostgreSQL" : "embedded PGlite";
    console.log(`\n${runs} run(s) × ${ROUNDS} alternating rounds of ${SECONDS}s, ${CONNECTIONS} connections, ${database}:`);
    const results: RunResult[] = [];
    for (let r = 0; r < runs; r++) {
      const samples = new Map<string, Sample[]>(routes.map(([name]) => [name, []]));
      let peakRss: number | null = null;
      for (let round = 0; round < ROUNDS; round++) {
        const order = (round + r) % 2 === 0 ? routes : [...routes].reverse();
        for (const [name, route] of order) {
          samples.get(name)!.push(await load(route, SECONDS, CONNECTIONS));
          const rss = rssMb(server);
          if (rss !== null) peakRss = Math.max(peakRss ?? 0, rss);
        }
      }
      const bareSummary = average(samples.get("bare")!);
      const perCase: Record<string, CaseResult> = Object.fromEntries(
        Object.entries(cases).map(([name, c]) => {
          const figures = Object.fromEntries(FIGURES.filter((f) => c[f]).map((f) => [f, average(samples.get(`${name} ${f}`)!)])) as Partial<
            Record<Figure, Summary>
          >;
          const rps = (f: Figure) => figures[f]!.requestsPerSecond;
          const ratios = {
            productToBare: rps("product") / bareSummary.requestsPerSecond,
            productToFloor: rps("product") / rps("floor"),
            ...(figures.bypassed ? { productToBypassed: rps("product") / rps("bypassed") } : {}),
          };
          return [name, { bare: bareSummary, ...figures, ratios }];
        }),
      );
      results.push({ run: r + 1, peakRssMb: peakRss, cases: perCase });
      printRun(r + 1, runs, peakRss, perCase);
    }

    const spread = Object.fromEntries(
      Object.keys(cases).map((name) => {
        const ratioNames = Object.keys(results[0]!.cases[name]!.ratios) as (keyof Ratios)[];
        return [
          name,
          Object.fromEntries(
            ratioNames.map((ratio) => {
              const values = results.map((result) => result.cases[name]!.ratios[ratio]!);
              return [ratio, { min: Math.min(...values), max: Math.max(...values) }];
            }),
          ),
        ];
      }),
    );
    const peakRssMb = results.reduce<number | null>((a, r) => (r.peakRssMb === null ? a : Math.max(a ?? 0, r.peakRssMb)), null);
    console.log(
      `\nratios over ${runs} run(s), min–max (throughput; 1.00 = as fast as the reference); next-server peak RSS ${peakRssMb ?? "?"} MB`,
    );
    console.log(
      "case".padEnd(34) + "product/bare".padStart(14) + "product/floor".padStart(15) + (bypass ? "product/bypassed".padStart(18) : ""),
    );
    const range = (r?: { min: number; max: number }) => (r ? `${r.min.toFixed(2)}–${r.max.toFixed(2)}` : "");
    for (const [name, s] of Object.entries(spread)) {
      console.log(
        name.padEnd(34) +
          range(s.productToBare).padStart(14) +
          range(s.productToFloor).padStart(15) +
          (bypass ? range(s.productToBypassed).padStart(18) : ""),
      );
    }
    const failures = results.flatMap((r) =>
      Object.entries(r.cases).flatMap(([name, c]) =>
        FIGURES.flatMap((f) =>
          c[f] && c[f].non2xx + c[f].errors > 0 ? [`run ${r.run} ${name} ${f}: ${c[f].non2xx} non-2xx, ${c[f].errors} errors`] : [],
        ),
      ),
    );
    for (const failure of failures) console.log(`warning: ${failure}`);

    fs.mkdirSync(".reports", { recursive: true });
    fs.writeFileSync(
      ".reports/bench.json",
      JSON.stringify(
        {
          at: new Date().toISOString(),
          database,
          runs,
          rounds: ROUNDS,
          seconds: SECONDS,
          connections: CONNECTIONS,
          peakRssMb,
          spread,
          results,
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

function printRun(run: number, runs: number, peakRss: number | null, perCase: Record<string, Partial<Record<Figure | "bare", Summary>>>) {
  const shown = (["bare", ...FIGURES] as const).filter((f) => Object.values(perCase).some((c) => c[f]));
  console.log(`\nrun ${run}/${runs} (req/s, p50/p99 ms; next-server peak RSS ${peakRss ?? "?"} MB)`);
  console.log("case".padEnd(34) + shown.map((f) => f.padStart(18)).join(""));
  for (const [name, c] of Object.entries(perCase)) {
    const cell = (s?: Summary) => (s ? `${s.requestsPerSecond} ${s.p50Ms.toFixed(0)}/${s.p99Ms.toFixed(0)}`.padStart(18) : "".padStart(18));
    console.log(name.padEnd(34) + shown.map((f) => cell(c[f])).join(""));
  }
}

main().catch((error: unknown) => {
  const failure = cliFailure(error, { name: "bench", usage: USAGE });
  console.error(failure.message);
  process.exit(failure.exitCode);
});

// `npm run bench:logs [-- --rows N]`: fills the request log of one property with N rows (BENCH_LOG_ROWS,
// 1,000,000 by default; INSERT … SELECT generate_series in batches of 500,000, the table's indexes all in
// place as in production) and measures the first page (50 rows, keyset order) of each Logs-tab filter:
// 20 runs each, reporting p50 and p95, the load time and the table's and indexes' sizes, also written to
// .reports/bench-logs.json. On BENCH_DATABASE_URL (PostgreSQL) or a fresh embedded PGlite.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { db, getPool } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { openBenchDatabase } from "../lib/db/open-database";
import { runWithDatabase, UsageError } from "../lib/db/run-cli";
import { env } from "../lib/env";
import { listRequestLogs, requestLogFilters } from "../lib/request-logs/list-request-logs";

const RUNS = 20;
const BATCH = 500_000;
const USAGE =
  "Usage: npm run bench:logs [-- --rows N] [--keep]   (N log rows for one property, BENCH_LOG_ROWS by default; --keep leaves them for EXPLAIN)";

function options(args: string[]): { rows: number; keep: boolean } {
  const { values } = parseArgs({ args, options: { rows: { type: "string" }, keep: { type: "boolean", default: false } } });
  if (values.rows === undefined) return { rows: env().BENCH_LOG_ROWS, keep: values.keep };
  const rows = Number(values.rows.replaceAll("_", ""));
  if (!Number.isInteger(rows) || rows < 1 || rows > 100_000_000) throw new UsageError("--rows takes a whole number from 1 to 100,000,000.");
  return { rows, keep: values.keep };
}

const mb = (bytes: string | number) => Math.round(Number(bytes) / 1048576);

await runWithDatabase({ name: "bench:logs", requireMigrated: false, usage: USAGE, open: openBenchDatabase }, async (database) => {
  const { rows: ROWS, keep } = options(process.argv.slice(2));
  await migrate(database.url);
  const slug = `bench-logs-${Date.now().toString(36)}`;
  const property = await db.property.create({ data: { slug, name: "Log benchmark", plan: "PRO" } });
  const started = performance.now();
  for (let offset = 0; offset < ROWS; offset += BATCH) {
    const count = Math.min(BATCH, ROWS - offset);
    await getPool().query(
      `INSERT INTO "RequestLog" (id, "propertyId", "createdAt", method, path, query, status, "durationMs", "apiKeyId", "keyPreview", mode, "requestHeaders", "errorCode")
       SELECT 'req_' || $1 || '_' || g, $2, now() - (g * interval '2.5 seconds'),
              (ARRAY['GET','GET','GET','POST','PATCH'])[1 + g % 5],
              (ARRAY['/api/v1/reservations','/api/v1/guests','/api/v1/reservations/r' || (g % 997),'/api/v1/conversations','/api/v1/users'])[1 + (g / 7) % 5],
              '{}', (ARRAY[200,200,200,201,400,401,403,404,409,429,500])[1 + (g / 3) % 11], 1 + g % 300,
              'key_' || (g % 8), 'pms_live_••••••••abcd', 'LIVE', '{}',
              NULL
         FROM generate_series($3::int, $4::int) AS g`,
      [slug, property.id, offset, offset + count - 1],
    );
    if (ROWS > BATCH)
      console.log(`  ${(offset + count).toLocaleString("en")} rows, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await getPool().query(`ANALYZE "RequestLog"`);
  const seededSeconds = (performance.now() - started) / 1000;
  const sizes = await getPool().query<{ name: string; bytes: string }>(
    `SELECT 'table + indexes + toast' AS name, pg_total_relation_size('"RequestLog"') AS bytes
     UNION ALL SELECT 'heap', pg_relation_size('"RequestLog"')
     UNION ALL SELECT i.indexrelid::regclass::text, pg_relation_size(i.indexrelid) FROM pg_index i WHERE i.indrelid = '"RequestLog"'::regclass`,
  );
  const sizesMb = Object.fromEntries(sizes.rows.map((r) => [r.name, mb(r.bytes)]));
  const sampleId = `req_${slug}_${Math.floor(ROWS / 2)}`;
  const filters: Record<string, Record<string, string>> = {
    "none (newest first)": {},
    "method POST": { method: "POST" },
    "status class 5xx": { status: "5xx" },
    "exact status 404": { status: "404" },
    key: { key: "key_3" },
    "date range (custom, a day a week ago)": {
      range: "custom",
      from: new Date(Date.now() - 8 * 86_400_000).toISOString(),
      to: new Date(Date.now() - 7 * 86_400_000).toISOString(),
    },
    "path contains /guests": { path: "/guests" },
    // One reservation's requests: 1 entry in ~5,000, spread over the whole history.
    "path contains /r996 (rare)": { path: "/r996" },
    // Eight reservations' requests, 1 in ~600: where the trigram index and newest-first filtering cross.
    "path contains /r99 (middling)": { path: "/r99" },
    "path contains /webhooks (none)": { path: "/webhooks" },
    "request id": { requestId: sampleId },
    "4xx + POST + 7 days": { status: "4xx", method: "POST", range: "7d" },
    "key + date range": {
      key: "key_5",
      range: "custom",
      from: new Date(Date.now() - 31 * 86_400_000).toISOString(),
      to: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    },
  };
  const results: Record<string, { p50: number; p95: number; rows: number }> = {};
  // One untimed call first: the process's first query pays for the connection and Prisma's warm-up.
  await listRequestLogs(property.id, requestLogFilters.parse({}));
  for (const [name, query] of Object.entries(filters)) {
    const parsed = requestLogFilters.parse(query);
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      rows = (await listRequestLogs(property.id, parsed)).rows.length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    results[name] = { p50: times[Math.floor(RUNS * 0.5)]!, p95: times[Math.ceil(RUNS * 0.95) - 1]!, rows };
  }
  const kind = database.embedded ? "embedded PGlite" : "PostgreSQL";
  console.log(
    `\n${ROWS.toLocaleString("en")} log rows for one property on ${kind}, seeded in ${seededSeconds.toFixed(1)} s; first page (50) of each filter, ${RUNS} runs:`,
  );
  console.log("filter".padEnd(40) + "p50 ms".padStart(9) + "p95 ms".padStart(9) + "rows".padStart(6));
  for (const [name, r] of Object.entries(results))
    console.log(name.padEnd(40) + r.p50.toFixed(1).padStart(9) + r.p95.toFixed(1).padStart(9) + String(r.rows).padStart(6));
  console.log("\nsizes (MB, the whole table: every property's logs)");
  for (const [name, size] of Object.entries(sizesMb)) console.log(name.padEnd(58) + String(size).padStart(8));
  fs.mkdirSync(".reports", { recursive: true });
  fs.writeFileSync(
    path.join(".reports", "bench-logs.json"),
    JSON.stringify({ rows: ROWS, kind, seededSeconds, sizesMb, results }, null, 2),
  );
  if (keep) console.log(`\nkept: property ${property.id} (${slug})`);
  else await getPool().query(`DELETE FROM "Property" WHERE id = $1`, [property.id]);
});

// `npm run bench:logs [-- --rows N]`: fills the request log of one property with N rows spread over the
// last 30 days (BENCH_LOG_ROWS, 1,000,000 by default; INSERT … SELECT generate_series in batches of
// 500,000, the table's indexes all in place as in production) and measures the first page (50 rows, keyset
// order) of each Logs-tab filter; then builds the property's rollups from those rows and measures what the
// Overview reads (the 24-hour, 7-day and 30-day charts, the error groups, the sparklines, the health), against
// the same 30-day chart computed from the raw rows. 20 runs each (3 for the raw scan), p50 and p95, with
// the load time and the sizes, also written to .reports/bench-logs.json. On BENCH_DATABASE_URL
// (PostgreSQL) or a fresh embedded PGlite.
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
import { requestBackfillSql } from "../lib/rollups/backfill-rollups";
import { integrationHealth } from "../lib/rollups/integration-health";
import { errorGroups, keySparklines, requestSeries } from "../lib/rollups/usage-reports";

const RUNS = 20;
const RAW_RUNS = 3;
const SPREAD_MS = 30 * 86_400_000;
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
      `INSERT INTO "RequestLog" (id, "propertyId", "createdAt", method, path, route, query, status, "durationMs", "apiKeyId", "keyPreview", mode, "requestHeaders", "errorCode", ip)
       SELECT 'req_' || $1 || '_' || g, $2, now() - (g * $5::float8 * interval '1 millisecond'),
              (ARRAY['GET','GET','GET','POST','PATCH'])[1 + g % 5],
              (ARRAY['/api/v1/reservations','/api/v1/guests','/api/v1/reservations/r' || (g % 997),'/api/v1/conversations','/api/v1/users'])[1 + (g / 7) % 5],
              (ARRAY['/reservations','/guests','/reservations/{id}','/conversations','/users'])[1 + (g / 7) % 5],
              '{}', s.status, 1 + g % 300,
              'key_' || (g % 8), 'pms_live_••••••••abcd', 'LIVE', '{}',
              (ARRAY[NULL,NULL,NULL,NULL,'VALIDATION_ERROR','KEY_REVOKED','FORBIDDEN','NOT_FOUND','CONFLICT','RATE_LIMITED','INTERNAL_ERROR'])[1 + (g / 3) % 11],
              '198.51.100.' || (g % 16)
         FROM generate_series($3::int, $4::int) AS g
         CROSS JOIN LATERAL (SELECT (ARRAY[200,200,200,201,400,401,403,404,409,429,500])[1 + (g / 3) % 11] AS status) s`,
      [slug, property.id, offset, offset + count - 1, SPREAD_MS / ROWS],
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
      from: new Date(Date.now() - 21 * 86_400_000).toISOString(),
      to: new Date(Date.now() - 20 * 86_400_000).toISOString(),
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

  // The rollups of those rows, as the log writer would have kept them, and what the Overview reads.
  const rollupStarted = performance.now();
  await getPool().query(requestBackfillSql(`"propertyId" = $1`), [property.id]);
  await getPool().query(`ANALYZE "ApiUsageRollup"; ANALYZE "ApiRouteRollup"; ANALYZE "ApiKeyClientIp"`);
  const rollupSeconds = (performance.now() - rollupStarted) / 1000;
  const rollupRows = await getPool().query<{ name: string; rows: string; bytes: string }>(
    `SELECT 'ApiUsageRollup (minutes + hours)' AS name, count(*) AS rows, pg_total_relation_size('"ApiUsageRollup"') AS bytes FROM "ApiUsageRollup" WHERE "propertyId" = $1
     UNION ALL SELECT 'ApiRouteRollup (hours + days)', count(*), pg_total_relation_size('"ApiRouteRollup"') FROM "ApiRouteRollup" WHERE "propertyId" = $1`,
    [property.id],
  );
  const timed = async (runs: number, work: () => Promise<unknown>) => {
    await work();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await work();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(runs * 0.5)]!, p95: times[Math.ceil(runs * 0.95) - 1]! };
  };
  const overview: Record<string, { p50: number; p95: number }> = {
    "chart, 30 days (rollups)": await timed(RUNS, () => requestSeries(property.id, "30d")),
    "chart, 7 days (rollups)": await timed(RUNS, () => requestSeries(property.id, "7d")),
    "chart, 24 hours (rollups)": await timed(RUNS, () => requestSeries(property.id, "24h")),
    "error groups, 30 days": await timed(RUNS, () => errorGroups(property.id, "30d")),
    "key chart, 30 days": await timed(RUNS, () => requestSeries(property.id, "30d", { apiKeyId: "key_3" })),
    "sparklines, every key": await timed(RUNS, () => keySparklines(property.id)),
    "health of every integration": await timed(RUNS, () => integrationHealth(property)),
    // The same 30-day chart from the raw rows: what the rollups save.
    "chart, 30 days (raw rows, for comparison)": await timed(RAW_RUNS, () =>
      getPool().query(
        `SELECT date_bin('6 hours', "createdAt", TIMESTAMPTZ '2000-01-01') AS point, count(*), count(*) FILTER (WHERE status < 400),
           count(*) FILTER (WHERE status >= 400 AND status < 500 AND status <> 429), count(*) FILTER (WHERE status = 429),
           count(*) FILTER (WHERE status >= 500), percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs")
         FROM "RequestLog" WHERE "propertyId" = $1 AND "createdAt" >= now() - interval '30 days' GROUP BY 1`,
        [property.id],
      ),
    ),
  };
  console.log(
    `\n${ROWS.toLocaleString("en")} log rows for one property on ${kind}, seeded in ${seededSeconds.toFixed(1)} s; first page (50) of each filter, ${RUNS} runs:`,
  );
  console.log("filter".padEnd(40) + "p50 ms".padStart(9) + "p95 ms".padStart(9) + "rows".padStart(6));
  for (const [name, r] of Object.entries(results))
    console.log(name.padEnd(40) + r.p50.toFixed(1).padStart(9) + r.p95.toFixed(1).padStart(9) + String(r.rows).padStart(6));
  console.log(
    `\nOverview from the rollups (built from the ${ROWS.toLocaleString("en")} rows in ${rollupSeconds.toFixed(1)} s), ${RUNS} runs (raw scan ${RAW_RUNS}):`,
  );
  for (const r of rollupRows.rows)
    console.log(`  ${r.name}: ${Number(r.rows).toLocaleString("en")} rows of this property, table ${mb(r.bytes)} MB`);
  console.log("read".padEnd(44) + "p50 ms".padStart(9) + "p95 ms".padStart(9));
  for (const [name, r] of Object.entries(overview))
    console.log(name.padEnd(44) + r.p50.toFixed(1).padStart(9) + r.p95.toFixed(1).padStart(9));
  console.log("\nsizes (MB, the whole table: every property's logs)");
  for (const [name, size] of Object.entries(sizesMb)) console.log(name.padEnd(58) + String(size).padStart(8));
  fs.mkdirSync(".reports", { recursive: true });
  fs.writeFileSync(
    path.join(".reports", "bench-logs.json"),
    JSON.stringify({ rows: ROWS, kind, seededSeconds, sizesMb, results, rollupSeconds, overview }, null, 2),
  );
  if (keep) console.log(`\nkept: property ${property.id} (${slug})`);
  else await getPool().query(`DELETE FROM "Property" WHERE id = $1`, [property.id]);
});

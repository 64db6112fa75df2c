// `npm run bench:erasure [-- --rows N]`: a property with N request-log rows (1,000,000 by default; JSON bodies,
// every 10,000th row about one of three guests, by the guest's id in the path and e-mail in the body) erases
// the three guests one after another and measures, for each: the request (POST …/erase: the guest's own rows,
// the job queued), the background scan to its end, its slowest batch (the longest any transaction holds its
// rows), and the rows scrubbed. The floor is one raw scan of the same rows with the same "tied" regex (the
// least any scan must read), run 3 times. Written to .reports/bench-erasure.json. On BENCH_DATABASE_URL
// (PostgreSQL) or a fresh embedded PGlite, with DATA_ENCRYPTION_KEYS set.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { db, getPool } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { openBenchDatabase } from "../lib/db/open-database";
import { runWithDatabase, UsageError } from "../lib/db/run-cli";
import { env } from "../lib/env";
import { eraseGuest } from "../lib/guests/erase-guest";
import { tiePattern } from "../lib/guests/erasure-terms";
import { runGuestErasures } from "../lib/guests/run-guest-erasures";

const USAGE = "Usage: npm run bench:erasure [-- --rows N]   (N request-log rows for one property; 1,000,000 by default)";
const BATCH = 500_000;

function rowsOption(args: string[]): number {
  const { values } = parseArgs({ args, options: { rows: { type: "string" } } });
  if (values.rows === undefined) return 1_000_000;
  const rows = Number(values.rows.replaceAll("_", ""));
  if (!Number.isInteger(rows) || rows < 10_000 || rows > 50_000_000)
    throw new UsageError("--rows takes a whole number from 10,000 to 50,000,000.");
  return rows;
}

const seconds = (ms: number) => Math.round(ms) / 1000;

await runWithDatabase({ name: "bench:erasure", requireMigrated: false, usage: USAGE, open: openBenchDatabase }, async (database) => {
  const ROWS = rowsOption(process.argv.slice(2));
  // An erasure seals what it looks for: the benchmark uses the keys the app would.
  if (!env().DATA_ENCRYPTION_KEYS)
    throw new UsageError("Set DATA_ENCRYPTION_KEYS (e.g. k1:$(openssl rand -base64 32)) for the benchmark's erasures.");
  await migrate(database.url);
  const slug = `bench-erasure-${Date.now().toString(36)}`;
  const property = await db.property.create({ data: { slug, name: "Erasure benchmark", plan: "PRO" } });
  const guests = await Promise.all(
    ["Ada Lovelace", "Grace Hopper", "Ines Integrator"].map((full, i) => {
      const [firstName, lastName] = full.split(" ") as [string, string];
      return db.guest.create({
        data: { propertyId: property.id, firstName, lastName, email: `guest${i}@example.com`, phone: `+44 20 7946 09${50 + i}` },
      });
    }),
  );
  const started = performance.now();
  for (let offset = 0; offset < ROWS; offset += BATCH) {
    const count = Math.min(BATCH, ROWS - offset);
    await getPool().query(
      `INSERT INTO "RequestLog" (id, "propertyId", "createdAt", method, path, query, status, "durationMs", "requestBody", "responseBody")
       SELECT 'req_' || $1 || '_' || g, $2, now() - (g * interval '1 second'), 'POST',
              CASE WHEN g % 10000 = 0 THEN '/api/v1/guests/' || ($3::text[])[1 + (g / 10000) % 3] ELSE '/api/v1/reservations' END,
              '{"limit": "25"}', 200, 3,
              CASE WHEN g % 10000 = 0 THEN '{"email":"guest' || ((g / 10000) % 3) || '@example.com","notes":"Lovelace Hopper Integrator"}'
                   ELSE '{"roomId":"room_' || (g % 97) || '","adults":2,"notes":"Lovelace Street, late arrival"}' END,
              '{"data":{"id":"res_' || g || '","status":"CONFIRMED"}}'
       FROM generate_series($4::int, $5::int) AS g`,
      [slug, property.id, guests.map((g) => g.id), offset + 1, offset + count],
    );
  }
  await getPool().query(`ANALYZE "RequestLog"`);
  const seeded = seconds(performance.now() - started);
  console.log(`${ROWS.toLocaleString("en")} request-log rows in ${seeded} s`);

  // The floor: one scan reading every row of the property once with the "tied" regex, nothing written.
  const floorRuns: number[] = [];
  const tie = tiePattern(
    { ids: [guests[0]!.id], emails: [guests[0]!.email!], phones: [guests[0]!.phone!], names: [], externalRefs: [], countries: [] },
    "pg",
  )!;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    await getPool().query(
      `SELECT count(*) FROM "RequestLog" WHERE "propertyId" = $1 AND concat_ws(' ', path, query::text, "requestBody", "responseBody") ~* $2`,
      [property.id, tie],
    );
    floorRuns.push(performance.now() - t0);
  }

  const runs = [];
  for (const guest of guests) {
    const t0 = performance.now();
    await eraseGuest({ propertyId: property.id, guestId: guest.id, actor: { type: "SYSTEM", id: null, label: "bench" } });
    const requestMs = performance.now() - t0;
    const steps: number[] = [];
    const t1 = performance.now();
    await runGuestErasures({ now: () => new Date(Date.now() + 60_000), budgetMs: 3_600_000, onStep: (ms) => steps.push(ms) });
    const scanMs = performance.now() - t1;
    const erasure = await db.guestErasure.findUniqueOrThrow({ where: { guestId: guest.id } });
    runs.push({
      requestMs: Math.round(requestMs),
      scanSeconds: seconds(scanMs),
      batches: steps.length,
      slowestBatchMs: Math.round(Math.max(...steps)),
      rowsScanned: erasure.rowsScanned,
      rowsScrubbed: erasure.rowsScrubbed,
      status: erasure.status,
    });
    console.log(runs.at(-1));
  }
  const floor = floorRuns.map(seconds);
  const report = {
    rows: ROWS,
    seededSeconds: seeded,
    floorSeconds: floor,
    runs,
    scanOverFloor: runs.map((r) => Math.round((r.scanSeconds / (floor.reduce((a, b) => a + b) / floor.length)) * 10) / 10),
    rowsPerSecond: runs.map((r) => Math.round(r.rowsScanned / r.scanSeconds)),
  };
  console.log(JSON.stringify(report, null, 2));
  fs.mkdirSync(".reports", { recursive: true });
  fs.writeFileSync(path.join(".reports", "bench-erasure.json"), JSON.stringify(report, null, 2));
  await db.property.delete({ where: { id: property.id } });
});

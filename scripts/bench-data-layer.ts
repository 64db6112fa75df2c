// The API's hot reads in process, against their raw-SQL floor: seeds one property with 2,000
// reservations (guests, rooms), then times N sequential calls per case (after a warm-up), each ending
// in JSON.stringify as a route's would, and reports p50 and mean and the ratio to the floor (the same
// SQL sent over the `pg` pool Prisma uses, with the same row mapping). Every case's output is first
// checked to equal the current use case's, so a faster case cannot be a wrong one.
// Run: npx tsx --conditions=react-server scripts/bench-data-layer.ts   (BENCH_DATABASE_URL: a PostgreSQL server;
// unset: a fresh embedded PGlite). --calls N changes N (default 300).
import { isDeepStrictEqual, parseArgs } from "node:util";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { db, getPool } from "../lib/db/client";
import { Prisma } from "../lib/db/generated/prisma/client";
import { migrate } from "../lib/db/migrate";
import { openBenchDatabase } from "../lib/db/open-database";
import { page } from "../lib/db/pagination";
import { runWithDatabase } from "../lib/db/run-cli";
import { getReservation } from "../lib/reservations/get-reservation";
import { listReservations } from "../lib/reservations/list-reservations";
import { readReservations, reservationsSql, serializeReservationRow, type ReservationRow } from "../lib/reservations/read-reservations";
import { listReservationsQuery } from "../lib/reservations/schemas";
import { serializeReservation } from "../lib/reservations/serialize-reservation";

const { values: args } = parseArgs({ options: { calls: { type: "string", default: "300" } } });
const CALLS = Number(args.calls);
const WARMUP = 50;
const ROUNDS = 3;
const RESERVATIONS = 2_000;
const LIMIT = 25;

interface Case {
  name: string;
  floor?: boolean;
  run: (i: number) => Promise<unknown>;
}

// The same SQL readReservations() sends, over the pool directly: the floor.
// pg's own parser reads a `date` in the process's zone; the app's days are UTC days.
const getTypeParser = ((oid: number, format?: "text") =>
  oid === pg.types.builtins.DATE
    ? (value: string) => new Date(`${value}T00:00:00Z`)
    : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;

async function floorRows(propertyId: string, conditions: Prisma.Sql[], tail: Prisma.Sql): Promise<ReservationRow[]> {
  const sql = reservationsSql(propertyId, conditions, tail);
  return (await getPool().query<ReservationRow>({ text: sql.text, values: sql.values, types: { getTypeParser } })).rows;
}

// The reads as the API made them before this benchmark: Prisma `include`, a query per relation.
const withGuestAndRoom = {
  guest: { select: { id: true, firstName: true, lastName: true, email: true } },
  room: { select: { number: true } },
} as const;

async function listReservationsWithInclude(propertyId: string, strategy: object) {
  const rows = await db.reservation.findMany({
    ...strategy,
    where: { propertyId },
    include: withGuestAndRoom,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIMIT + 1,
  });
  return page(rows, LIMIT, serializeReservation);
}

async function getReservationWithInclude(propertyId: string, id: string, strategy: object) {
  const row = await db.reservation.findFirst({ ...strategy, where: { id, propertyId }, include: withGuestAndRoom });
  return serializeReservation(row!);
}

/** Times every case of a group in rounds, the order rotating, so no case is always first (colder) or last. */
async function timeGroup(group: Case[]): Promise<Map<Case, { p50: number; mean: number }>> {
  for (const c of group) for (let i = 0; i < WARMUP; i++) JSON.stringify(await c.run(i));
  const times = new Map<Case, number[]>(group.map((c) => [c, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < group.length; k++) {
      const c = group[(k + round) % group.length]!;
      for (let i = round; i < CALLS; i += ROUNDS) {
        const t0 = performance.now();
        JSON.stringify(await c.run(i));
        times.get(c)!.push(performance.now() - t0);
      }
    }
  }
  return new Map(
    [...times].map(([c, t]) => {
      t.sort((a, b) => a - b);
      return [c, { p50: t[Math.floor(t.length / 2)]!, mean: t.reduce((sum, x) => sum + x, 0) / t.length }];
    }),
  );
}

await runWithDatabase({ name: "bench:data-layer", requireMigrated: false, open: openBenchDatabase }, async (database) => {
  await migrate(database.url);
  const slug = `bench-dl-${Date.now().toString(36)}`;
  const property = await db.property.create({ data: { slug, name: "Data layer benchmark", plan: "PRO" } });
  const pid = property.id;
  await getPool().query(
    `INSERT INTO "Room" (id, "propertyId", number, type, floor, capacity)
     SELECT $1 || '_room_' || g, $2, (100 + g)::text, 'double', 1 + g / 10, 3 FROM generate_series(1, 40) AS g`,
    [slug, pid],
  );
  await getPool().query(
    `INSERT INTO "Guest" (id, "propertyId", "firstName", "lastName", email, "createdAt", "updatedAt")
     SELECT $1 || '_guest_' || g, $2, 'First' || g, 'Last' || g, CASE WHEN g % 7 = 0 THEN NULL ELSE 'guest' || g || '@example.com' END,
            now() - g * interval '1 hour', now()
       FROM generate_series(1, 1500) AS g`,
    [slug, pid],
  );
  await getPool().query(
    `INSERT INTO "Reservation" (id, "propertyId", code, "guestId", "roomId", "arrivalDate", "departureDate", status, adults, children,
                                "totalAmount", currency, notes, "checkedInAt", "createdAt", "updatedAt")
     SELECT $1 || '_res_' || lpad(g::text, 5, '0'), $2, 'BD-' || g, $1 || '_guest_' || (1 + g % 1500),
            CASE WHEN g % 9 = 0 THEN NULL ELSE $1 || '_room_' || (1 + g % 40) END,
            DATE '2026-01-01' + g, DATE '2026-01-01' + g + 1 + g % 5,
            (ARRAY['CONFIRMED','CHECKED_IN','CHECKED_OUT','CANCELLED','NO_SHOW'])[1 + g % 5]::"ReservationStatus",
            1 + g % 3, g % 2, 10000 + g * 37, 'EUR', CASE WHEN g % 4 = 0 THEN 'late arrival ' || g ELSE NULL END,
            CASE WHEN g % 5 = 1 THEN now() - g * interval '1 minute' ELSE NULL END,
            -- every tenth pair shares a createdAt, so the cursor's id tie-break is exercised
            date_trunc('milliseconds', now()) - (g / 2) * interval '17 seconds', now()
       FROM generate_series(1, $3::int) AS g`,
    [slug, pid, RESERVATIONS],
  );
  await getPool().query(`ANALYZE "Reservation"; ANALYZE "Guest"; ANALYZE "Room"`);

  const ids = (await db.reservation.findMany({ where: { propertyId: pid }, select: { id: true }, orderBy: { id: "asc" } })).map(
    (r) => r.id,
  );
  const idAt = (i: number) => ids[(i * 97) % ids.length]!;
  const listQuery = listReservationsQuery.parse({ limit: String(LIMIT) });
  const listTail = Prisma.sql`ORDER BY r."createdAt" DESC, r.id DESC LIMIT ${LIMIT + 1}`;
  // Every column serializeReservation() reads (its type wants the whole row, so propertyId too).
  const narrowSelect = {
    id: true,
    propertyId: true,
    code: true,
    status: true,
    guestId: true,
    roomId: true,
    arrivalDate: true,
    departureDate: true,
    adults: true,
    children: true,
    totalAmount: true,
    currency: true,
    notes: true,
    checkedInAt: true,
    checkedOutAt: true,
    cancelledAt: true,
    createdAt: true,
    updatedAt: true,
    guest: { select: { id: true, firstName: true, lastName: true, email: true } },
    room: { select: { number: true } },
  } satisfies Prisma.ReservationSelect;
  // Only with previewFeatures = ["relationJoins"] in prisma/schema.prisma (and a regenerated client).
  const joinsEnabled = await db.reservation
    .findFirst({ where: { propertyId: pid }, relationLoadStrategy: "join" } as never)
    .then(() => true)
    .catch(() => false);
  // With the flag, "join" becomes the default: the Prisma cases ask for a query per relation explicitly.
  const byQueries: object = joinsEnabled ? { relationLoadStrategy: "query" } : {};

  const list: Case[] = [
    { name: "list: Prisma include (before)", run: () => listReservationsWithInclude(pid, byQueries) },
    { name: "list: current listReservations", run: () => listReservations(pid, listQuery) },
    {
      name: "list: Prisma narrow select",
      run: async () =>
        page(
          await db.reservation.findMany({
            ...byQueries,
            where: { propertyId: pid },
            select: narrowSelect,
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            take: LIMIT + 1,
          }),
          LIMIT,
          serializeReservation,
        ),
    },
    ...(joinsEnabled
      ? [
          {
            name: "list: Prisma relationJoins",
            run: async () =>
              page(
                await db.reservation.findMany({
                  where: { propertyId: pid },
                  select: narrowSelect,
                  orderBy: [{ createdAt: "desc" }, { id: "desc" }],
                  take: LIMIT + 1,
                  relationLoadStrategy: "join",
                } as never),
                LIMIT,
                serializeReservation,
              ),
          },
        ]
      : []),
    { name: "list: $queryRaw join", run: async () => page(await readReservations(pid, [], listTail), LIMIT, serializeReservationRow) },
    { name: "list: raw pg floor", floor: true, run: async () => page(await floorRows(pid, [], listTail), LIMIT, serializeReservationRow) },
  ];
  const get: Case[] = [
    { name: "get: Prisma include (before)", run: (i) => getReservationWithInclude(pid, idAt(i), byQueries) },
    { name: "get: current getReservation", run: (i) => getReservation(pid, idAt(i)) },
    ...(joinsEnabled
      ? [
          {
            name: "get: Prisma relationJoins",
            run: async (i: number) =>
              serializeReservation(
                (await db.reservation.findFirstOrThrow({
                  where: { id: idAt(i), propertyId: pid },
                  select: narrowSelect,
                  relationLoadStrategy: "join",
                } as never)) as never,
              ),
          },
        ]
      : []),
    {
      name: "get: $queryRaw join",
      run: async (i) => serializeReservationRow((await readReservations(pid, [Prisma.sql`r.id = ${idAt(i)}`]))[0]!),
    },
    {
      name: "get: raw pg floor",
      floor: true,
      run: async (i) => serializeReservationRow((await floorRows(pid, [Prisma.sql`r.id = ${idAt(i)}`], Prisma.empty))[0]!),
    },
  ];

  const kind = database.embedded ? "embedded PGlite" : "PostgreSQL";
  const results: Record<string, { p50: number; mean: number; ratio: number }> = {};
  console.log(`\n${RESERVATIONS} reservations on ${kind}; ${CALLS} sequential calls per case after ${WARMUP} warm-up calls:`);
  console.log("case".padEnd(36) + "p50 ms".padStart(9) + "mean ms".padStart(9) + "× floor".padStart(9));
  for (const group of [list, get]) {
    // Same output as the first case (the Prisma `include` the API used), for several inputs.
    for (const c of group)
      for (const i of [0, 1, 7])
        if (!isDeepStrictEqual(JSON.parse(JSON.stringify(await c.run(i))), JSON.parse(JSON.stringify(await group[0]!.run(i)))))
          throw new Error(`${c.name} differs from ${group[0]!.name}`);
    const timed = await timeGroup(group);
    const floor = timed.get(group.find((c) => c.floor)!)!;
    for (const [c, t] of timed) {
      results[c.name] = { ...t, ratio: t.mean / floor.mean };
      console.log(
        c.name.padEnd(36) + t.p50.toFixed(2).padStart(9) + t.mean.toFixed(2).padStart(9) + (t.mean / floor.mean).toFixed(2).padStart(9),
      );
    }
  }
  fs.mkdirSync(".reports", { recursive: true });
  fs.writeFileSync(
    path.join(".reports", `bench-data-layer-${kind.split(" ").pop()!.toLowerCase()}.json`),
    JSON.stringify({ kind, calls: CALLS, reservations: RESERVATIONS, relationJoins: joinsEnabled, results }, null, 2),
  );
  await getPool().query(`DELETE FROM "Reservation" WHERE "propertyId" = $1`, [pid]);
  await getPool().query(`DELETE FROM "Property" WHERE id = $1`, [pid]);
});

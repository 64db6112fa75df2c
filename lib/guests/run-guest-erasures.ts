// The background part of a guest's erasure (see erase-guest.ts): the property's request logs, events,
// webhook deliveries (with their attempts) and audit trail are read in batches of rows in ("createdAt", id)
// order; a row tied to the guest is scrubbed of every value the guest had. Each batch is one transaction that
// also moves the job's cursor and progress, so a crash or a restart resumes at the last batch done, and work
// done twice changes nothing. A job is leased to one instance at a time (FOR UPDATE SKIP LOCKED, 30 s,
// renewed by every batch); any instance may run it. Millions of rows are read a batch at a time, never
// held in one transaction or in memory.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { unseal } from "../crypto/seal";
import { getPool } from "../db/client";
import { countryPattern, ERASED, scrubPattern, tiePattern, type GuestTerms } from "./erasure-terms";

type ColumnKind = "text" | "jsontext" | "jsonb";
interface Phase {
  table: string;
  /** The type of "createdAt", to read the cursor back exactly. */
  timeType: "timestamptz" | "timestamp";
  columns: [string, ColumnKind][];
  /** Deliveries carry their attempts along: scrubbed with them, found through the delivery's index. */
  attempts?: boolean;
}

const PHASES: Phase[] = [
  {
    table: "RequestLog",
    timeType: "timestamptz",
    columns: [
      ["path", "text"],
      ["query", "jsonb"],
      ["requestBody", "text"],
      ["responseBody", "text"],
    ],
  },
  { table: "OutboxEvent", timeType: "timestamp", columns: [["payload", "jsonb"]] },
  { table: "WebhookDelivery", timeType: "timestamptz", columns: [["payload", "jsontext"]], attempts: true },
  { table: "AuditEvent", timeType: "timestamp", columns: [["metadata", "jsonb"]] },
];

export const erasureSettings = { batchSize: 2_000, leaseMs: 30_000, startAfterMs: 2_000 };

interface Patterns {
  tie: string;
  text: string | null;
  json: string | null;
  country: string | null;
}

function patternsOf(terms: GuestTerms): Patterns {
  return {
    // The guest's own id is always there, so every erasure has something to tie rows with.
    tie: tiePattern(terms, "pg")!,
    text: scrubPattern(terms, "pg"),
    json: scrubPattern(terms, "pg", true),
    country: countryPattern(terms, "pg"),
  };
}

/** The SET list of one table's columns: values, then the country field, replaced; JSON kept valid. */
function setList(alias: string, columns: [string, ColumnKind][], p: Patterns, first: number): { sql: string; params: string[] } {
  const params: string[] = [];
  // Numbered on first use: a parameter no column uses would have no type PostgreSQL can infer.
  const numbers = new Map<string, string>();
  const param = (value: string) => {
    if (!numbers.has(value)) {
      params.push(value);
      numbers.set(value, `$${first + params.length - 1}`);
    }
    return numbers.get(value)!;
  };
  const sets = columns.map(([name, kind]) => {
    let expression = kind === "jsonb" ? `${alias}."${name}"::text` : `${alias}."${name}"`;
    const values = kind === "text" ? p.text : p.json;
    if (values) expression = `regexp_replace(${expression}, ${param(values)}::text, '${ERASED}', 'gi')`;
    if (p.country) expression = `regexp_replace(${expression}, ${param(p.country)}::text, '\\1${ERASED}', 'gi')`;
    // JSON stays JSON: when a replacement broke it (a name "Null" next to a null), the text is kept as a JSON string.
    if (kind === "jsonb") return `"${name}" = (SELECT coalesce(pms_try_jsonb(v), to_jsonb(v)) FROM (SELECT ${expression} AS v) r)`;
    if (kind === "jsontext")
      return `"${name}" = (SELECT CASE WHEN v IS NULL OR pms_try_jsonb(v) IS NOT NULL OR pms_try_jsonb(${alias}."${name}") IS NULL THEN v ELSE to_jsonb(v)::text END FROM (SELECT ${expression} AS v) r)`;
    return `"${name}" = ${expression}`;
  });
  return { sql: sets.join(", "), params };
}

const concatenated = (alias: string, columns: [string, ColumnKind][]) =>
  `concat_ws(' ', ${columns.map(([name]) => `${alias}."${name}"::text`).join(", ")})`;

/** One batch of one phase: scrubs the tied rows; answers what it read and where it stopped. */
async function runBatch(client: pg.PoolClient, propertyId: string, phase: Phase, cursor: { at: string | null; id: string }, p: Patterns) {
  const sets = setList("t", phase.columns, p, 6);
  const attemptColumns: [string, ColumnKind][] = [
    ["requestBody", "jsontext"],
    ["responseBody", "text"],
  ];
  const attemptSets = phase.attempts ? setList("a", attemptColumns, p, 6 + sets.params.length) : null;
  const { rows } = await client.query<{ scanned: number; changed: number; lastAt: string | null; lastId: string | null }>(
    `WITH batch AS (
       SELECT id, "createdAt" FROM "${phase.table}"
       WHERE "propertyId" = $1 AND ($2::text IS NULL OR ("createdAt", id) > ($2::${phase.timeType}, $3))
       ORDER BY "createdAt", id LIMIT $4
     ), changed AS (
       UPDATE "${phase.table}" t SET ${sets.sql} FROM batch b
       WHERE t.id = b.id AND ${concatenated("t", phase.columns)} ~* $5 RETURNING t.id
     )${
       attemptSets
         ? `, attempts AS (
       UPDATE "WebhookAttempt" a SET ${attemptSets.sql} FROM batch b
       WHERE a."deliveryId" = b.id AND ${concatenated("a", attemptColumns)} ~* $5 RETURNING a.id
     )`
         : ""
     }
     SELECT (SELECT count(*) FROM batch)::int AS scanned,
            ((SELECT count(*) FROM changed)${attemptSets ? " + (SELECT count(*) FROM attempts)" : ""})::int AS changed,
            (SELECT "createdAt"::text FROM batch ORDER BY "createdAt" DESC, id DESC LIMIT 1) AS "lastAt",
            (SELECT id FROM batch ORDER BY "createdAt" DESC, id DESC LIMIT 1) AS "lastId"`,
    [propertyId, cursor.at, cursor.id, erasureSettings.batchSize, p.tie, ...sets.params, ...(attemptSets?.params ?? [])],
  );
  return rows[0]!;
}

interface Job {
  id: string;
  propertyId: string;
  sealedTerms: string | null;
  phase: string;
  cursorAt: string | null;
  cursorId: string | null;
}

/** Takes the oldest erasure nobody is working on; null when there is none. */
async function claim(pool: pg.Pool, token: string, now: Date): Promise<Job | null> {
  const { rows } = await pool.query<Job>(
    `UPDATE "GuestErasure" SET "leaseToken" = $1, "leaseUntil" = $2::timestamptz + ($3::int * interval '1 millisecond')
     WHERE id = (
       SELECT id FROM "GuestErasure"
       WHERE status = 'running' AND ("leaseUntil" IS NULL OR "leaseUntil" < $2::timestamptz)
         AND "createdAt" <= $2::timestamptz - ($4::int * interval '1 millisecond')
       ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED
     )
     RETURNING id, "propertyId", "sealedTerms", phase, "cursorAt", "cursorId"`,
    [token, now, erasureSettings.leaseMs, erasureSettings.startAfterMs],
  );
  return rows[0] ?? null;
}

/** Moves the job on in the caller's transaction; false when another instance took the job over meanwhile. */
async function advance(
  client: pg.PoolClient,
  job: Job,
  token: string,
  now: Date,
  change: {
    phase: string;
    cursorAt: string | null;
    cursorId: string | null;
    scanned?: number;
    scrubbed?: number;
    total?: number;
    done?: boolean;
  },
): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE "GuestErasure" SET phase = $3, "cursorAt" = $4, "cursorId" = $5, "rowsScanned" = "rowsScanned" + $6, "rowsScrubbed" = "rowsScrubbed" + $7,
       "rowsTotal" = coalesce($8, "rowsTotal"), "leaseUntil" = $9::timestamptz + ($10::int * interval '1 millisecond'),
       status = CASE WHEN $11 THEN 'done' ELSE status END, "finishedAt" = CASE WHEN $11 THEN $9::timestamptz END,
       "sealedTerms" = CASE WHEN $11 THEN NULL ELSE "sealedTerms" END, "leaseToken" = CASE WHEN $11 THEN NULL ELSE "leaseToken" END,
       "lastError" = NULL
     WHERE id = $1 AND "leaseToken" = $2`,
    [
      job.id,
      token,
      change.phase,
      change.cursorAt,
      change.cursorId,
      change.scanned ?? 0,
      change.scrubbed ?? 0,
      change.total ?? null,
      now,
      erasureSettings.leaseMs,
      change.done ?? false,
    ],
  );
  Object.assign(job, { phase: change.phase, cursorAt: change.cursorAt, cursorId: change.cursorId });
  return rowCount === 1;
}

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T | false>): Promise<T | false> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query(result === false ? "ROLLBACK" : "COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** One step of a job (the count, or one batch); false when the job is finished or no longer ours. */
async function step(pool: pg.Pool, job: Job, token: string, now: Date, patterns: Patterns): Promise<boolean> {
  if (job.phase === "count") {
    const counts = PHASES.map((phase) => `(SELECT count(*) FROM "${phase.table}" WHERE "propertyId" = $1)`).join(" + ");
    return (
      (await inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ total: string }>(`SELECT ${counts} AS total`, [job.propertyId]);
        const total = Math.min(Number(rows[0]!.total), 2_147_483_647);
        return advance(client, job, token, now, { phase: PHASES[0]!.table, cursorAt: null, cursorId: null, total });
      })) !== false
    );
  }
  const index = PHASES.findIndex((p) => p.table === job.phase);
  const phase = PHASES[index];
  if (!phase) {
    await inTransaction(pool, (client) => advance(client, job, token, now, { phase: "done", cursorAt: null, cursorId: null, done: true }));
    return false;
  }
  const result = await inTransaction(pool, async (client) => {
    const batch = await runBatch(client, job.propertyId, phase, { at: job.cursorAt, id: job.cursorId ?? "" }, patterns);
    const finished = batch.scanned < erasureSettings.batchSize;
    const next = PHASES[index + 1];
    const moved = await advance(client, job, token, now, {
      phase: finished ? (next?.table ?? "done") : phase.table,
      cursorAt: finished ? null : batch.lastAt,
      cursorId: finished ? null : batch.lastId,
      scanned: batch.scanned,
      scrubbed: batch.changed,
      done: finished && !next,
    });
    // Not ours any more: the batch is undone, and the instance that holds the job does it.
    return moved ? { more: !(finished && !next) } : false;
  });
  return result !== false && result.more;
}

/**
 * Runs pending erasures for up to `budgetMs`; returns how many it finished. Tests pass a clock ahead of the
 * start delay and an unlimited budget to run everything now.
 */
export async function runGuestErasures(
  options: {
    now?: () => Date;
    budgetMs?: number;
    pool?: pg.Pool;
    /** Stop after this many steps (tests of resuming). */
    maxSteps?: number;
    /** Told how long each step (the count, or one batch) took: the benchmark's slowest transaction. */
    onStep?: (ms: number) => void;
  } = {},
): Promise<number> {
  const pool = options.pool ?? getPool();
  const now = options.now ?? (() => new Date());
  const deadline = Date.now() + (options.budgetMs ?? 5_000);
  let steps = options.maxSteps ?? Infinity;
  const more = () => Date.now() < deadline && steps > 0;
  let finished = 0;
  while (more()) {
    const token = randomUUID();
    const job = await claim(pool, token, now());
    if (!job) break;
    try {
      if (!job.sealedTerms) throw new Error("the erasure has nothing to look for");
      const terms = JSON.parse(unseal(job.sealedTerms)) as GuestTerms;
      const patterns = patternsOf(terms);
      let going = true;
      while (going && more()) {
        steps -= 1;
        const started = performance.now();
        going = await step(pool, job, token, now(), patterns);
        options.onStep?.(performance.now() - started);
      }
      if (!going && job.phase === "done") finished += 1;
      else if (!going) continue;
      else
        await pool.query(`UPDATE "GuestErasure" SET "leaseUntil" = NULL, "leaseToken" = NULL WHERE id = $1 AND "leaseToken" = $2`, [
          job.id,
          token,
        ]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`guest erasure ${job.id} failed a batch (retried in a minute): ${message}`);
      await pool.query(
        `UPDATE "GuestErasure" SET "lastError" = $3, "leaseUntil" = now() + interval '1 minute' WHERE id = $1 AND "leaseToken" = $2`,
        [job.id, token, message.slice(0, 500)],
      );
    }
  }
  return finished;
}

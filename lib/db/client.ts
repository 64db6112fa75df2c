// One Prisma client per process (kept on globalThis so dev reloads reuse it), over a `pg` pool that
// other raw-SQL needs can share. Created on first use: importing this module connects to nothing.
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "../env";
import { PrismaClient } from "./generated/prisma/client";

export type { Prisma } from "./generated/prisma/client";
export type Db = PrismaClient;
/** A client or an interactive transaction: what services accept when they can run inside either. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Which database this process's client uses, and with how many connections. */
export interface DatabaseSettings {
  url: string;
  poolSize: number;
}

interface DbHandle {
  pool: pg.Pool;
  prisma: PrismaClient;
}

const globalForDb = globalThis as unknown as { __pmsDb?: DbHandle; __pmsDbSettings?: DatabaseSettings };

export function createDbHandle(connectionString: string, poolSize: number): DbHandle {
  // Every session runs in UTC, whatever the server's default: Prisma's pg adapter sends timestamptz
  // values as UTC wall-clock text without an offset, which the server reads in the session's zone.
  const pool = new pg.Pool({ connectionString, max: poolSize, idleTimeoutMillis: 30_000, options: "-c TimeZone=UTC" });
  pool.on("error", (error) => console.error("database pool error:", error.message));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, prisma };
}

/**
 * Points this process's client at a database before its first query (the CLIs through
 * lib/db/run-cli.ts, the tests). Unconfigured, the client uses DATABASE_URL and DATABASE_POOL_SIZE,
 * which the launcher (scripts/start.ts) gives the Next.js server.
 */
export function configureDatabase(settings: DatabaseSettings): void {
  const current = globalForDb.__pmsDbSettings;
  const changes = !current || current.url !== settings.url || current.poolSize !== settings.poolSize;
  if (globalForDb.__pmsDb && changes) {
    throw new Error("configureDatabase() must run before the first query (or after closeDb()).");
  }
  globalForDb.__pmsDbSettings = { ...settings };
}

/** The database this process's client uses: as configured, or from the environment. */
export function databaseSettings(): DatabaseSettings {
  if (globalForDb.__pmsDbSettings) return globalForDb.__pmsDbSettings;
  const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
  if (!DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides the embedded database.");
  }
  // The embedded database multiplexes one session, so the launcher sets a pool of one for it.
  return { url: DATABASE_URL, poolSize: DATABASE_POOL_SIZE ?? 10 };
}

function handle(): DbHandle {
  if (!globalForDb.__pmsDb) {
    const { url, poolSize } = databaseSettings();
    globalForDb.__pmsDb = createDbHandle(url, poolSize);
    globalForDb.__pmsDbSettings = { url, poolSize };
  }
  return globalForDb.__pmsDb;
}

export function getPool(): pg.Pool {
  return handle().pool;
}

type TxClient = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
// The transaction every query of `db` joins while a dry run or inOneTransaction() is under way.
const globalForAmbientTx = globalThis as unknown as { __pmsAmbientTx?: AsyncLocalStorage<TxClient> };
const ambientTx = (globalForAmbientTx.__pmsAmbientTx ??= new AsyncLocalStorage<TxClient>());

class DryRunRollback<T> extends Error {
  constructor(readonly value: T) {
    super("dry run rolled back");
  }
}

/**
 * Runs `work` with every query of `db` inside one transaction that is then rolled back: the work's
 * validation, business rules and reads happen for real, and nothing it wrote remains. Test-mode
 * API keys run their writes this way. Nested `db.$transaction(fn)` calls join the outer one.
 */
export async function dryRun<T>(work: () => Promise<T>): Promise<T> {
  try {
    await handle().prisma.$transaction(
      async (tx) => {
        const value = await ambientTx.run(tx, work);
        throw new DryRunRollback(value);
      },
      { timeout: 15_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof DryRunRollback) return error.value as T;
    throw error;
  }
  throw new Error("unreachable: a dry run always rolls back");
}

/**
 * Runs `work` with every query of `db` inside one transaction, then `complete` with its result in that
 * same transaction, and commits both or neither: an API write and the answer kept for its
 * Idempotency-Key cannot part (a crash between them loses both, never only the answer).
 */
export async function inOneTransaction<T>(work: () => Promise<T>, complete: (value: T, tx: DbTx) => Promise<void>): Promise<T> {
  return handle().prisma.$transaction(
    async (tx) => {
      const value = await ambientTx.run(tx, work);
      await complete(value, tx);
      return value;
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const tx = ambientTx.getStore();
    if (tx) {
      if (property === "$transaction") {
        return (arg: unknown) =>
          typeof arg === "function" ? (arg as (t: TxClient) => unknown)(tx) : Promise.all(arg as Promise<unknown>[]);
      }
      const value = Reflect.get(tx, property, tx) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(tx) : value;
    }
    const client = handle().prisma;
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

export async function closeDb(): Promise<void> {
  const current = globalForDb.__pmsDb;
  globalForDb.__pmsDb = undefined;
  if (current) {
    await current.prisma.$disconnect();
    await current.pool.end();
  }
}

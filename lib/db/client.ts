// One Prisma client per process (kept on globalThis so dev reloads reuse it), over a `pg` pool that
// other raw-SQL needs can share. Created on first use: importing this module connects to nothing.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parseEnv } from "../env";
import { PrismaClient } from "./generated/prisma/client";

export type { Prisma } from "./generated/prisma/client";
export type Db = PrismaClient;
/** A client or an interactive transaction: what services accept when they can run inside either. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

interface DbHandle {
  pool: pg.Pool;
  prisma: PrismaClient;
}

const globalForDb = globalThis as unknown as { __pmsDb?: DbHandle };

export function createDbHandle(connectionString: string, poolSize: number): DbHandle {
  const pool = new pg.Pool({ connectionString, max: poolSize, idleTimeoutMillis: 30_000 });
  pool.on("error", (error) => console.error("database pool error:", error.message));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, prisma };
}

function handle(): DbHandle {
  if (!globalForDb.__pmsDb) {
    const env = parseEnv();
    if (!env.DATABASE_URL) {
      throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides the embedded database.");
    }
    // The embedded database multiplexes one session, so the launcher sets a pool of one for it.
    globalForDb.__pmsDb = createDbHandle(env.DATABASE_URL, env.DATABASE_POOL_SIZE ?? 10);
  }
  return globalForDb.__pmsDb;
}

export function getPool(): pg.Pool {
  return handle().pool;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
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

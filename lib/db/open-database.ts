// How operator commands (migrate, seed, keys, the worker) reach the database: DATABASE_URL when set;
// otherwise the embedded database, through the running app when it holds the files, or opened here
// when it does not. The benchmarks use BENCH_DATABASE_URL or a fresh in-memory embedded database.
import path from "node:path";
import { env, type Env } from "../env";
import { runningEmbeddedDatabase, startEmbeddedDatabase } from "./embedded";

export function pgliteDataDir(settings: Env = env()): string {
  return path.resolve(process.cwd(), settings.PGLITE_DATA_DIR);
}

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  /** True when this joined the embedded database a running app serves (rather than opening it). */
  sharedWithApp: boolean;
  /** Pool size the app should use against this database. */
  poolSize: number;
  close(): Promise<void>;
}

const EMBEDDED_POOL_SIZE = 1; // the embedded database multiplexes one session

export async function openDatabase(settings: Env = env()): Promise<OpenDatabase> {
  if (settings.DATABASE_URL) {
    return {
      url: settings.DATABASE_URL,
      embedded: false,
      sharedWithApp: false,
      poolSize: settings.DATABASE_POOL_SIZE ?? 10,
      close: async () => {},
    };
  }
  const dataDir = pgliteDataDir(settings);
  const running = runningEmbeddedDatabase(dataDir);
  if (running) return { url: running, embedded: true, sharedWithApp: true, poolSize: EMBEDDED_POOL_SIZE, close: async () => {} };
  const embedded = await startEmbeddedDatabase({ dataDir });
  return { url: embedded.url, embedded: true, sharedWithApp: false, poolSize: EMBEDDED_POOL_SIZE, close: () => embedded.stop() };
}

/** The benchmarks' database: BENCH_DATABASE_URL, or a fresh in-memory embedded one dropped on close. */
export async function openBenchDatabase(settings: Env = env()): Promise<OpenDatabase> {
  if (settings.BENCH_DATABASE_URL) {
    return { url: settings.BENCH_DATABASE_URL, embedded: false, sharedWithApp: false, poolSize: 10, close: async () => {} };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: null });
  return { url: embedded.url, embedded: true, sharedWithApp: false, poolSize: EMBEDDED_POOL_SIZE, close: () => embedded.stop() };
}

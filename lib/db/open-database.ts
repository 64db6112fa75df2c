// How operator commands (migrate, seed, keys, the worker) reach the database: DATABASE_URL when set;
// otherwise the embedded database, through the running app when it holds the files, or opened here
// when it does not. The benchmarks use BENCH_DATABASE_URL or a fresh in-memory embedded database.
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
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

/**
 * The benchmarks' database: BENCH_DATABASE_URL, or a fresh in-memory embedded one dropped on close.
 * With `ownProcess` the embedded one runs in a child process, as under `npm start`, so that what is
 * measured does not share its thread with PGlite.
 */
export async function openBenchDatabase(settings: Env = env(), options: { ownProcess?: boolean } = {}): Promise<OpenDatabase> {
  if (settings.BENCH_DATABASE_URL) {
    return { url: settings.BENCH_DATABASE_URL, embedded: false, sharedWithApp: false, poolSize: 10, close: async () => {} };
  }
  if (options.ownProcess) {
    const child = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/embedded-database-process.ts"], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const firstLine = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`the embedded database process exited (${code}) before serving`)));
    });
    const { url } = JSON.parse(firstLine) as { url: string };
    return {
      url,
      embedded: true,
      sharedWithApp: false,
      poolSize: EMBEDDED_POOL_SIZE,
      close: async () => {
        child.stdin.end();
        await exited;
      },
    };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: null });
  return { url: embedded.url, embedded: true, sharedWithApp: false, poolSize: EMBEDDED_POOL_SIZE, close: () => embedded.stop() };
}

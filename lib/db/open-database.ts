// How operator commands (migrate, seed, keys) reach the database: DATABASE_URL when set; otherwise the
// embedded database, through the running app when it holds the files, or opened here when it does not.
import path from "node:path";
import { parseEnv, type Env } from "../env";
import { runningEmbeddedDatabase, startEmbeddedDatabase } from "./embedded";

export function pgliteDataDir(env: Env): string {
  return path.resolve(process.cwd(), env.PGLITE_DATA_DIR);
}

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  /** Pool size the app should use against this database. */
  poolSize: number;
  close(): Promise<void>;
}

export async function openDatabase(): Promise<OpenDatabase> {
  const env = parseEnv();
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, embedded: false, poolSize: env.DATABASE_POOL_SIZE ?? 10, close: async () => {} };
  }
  const dataDir = pgliteDataDir(env);
  const running = runningEmbeddedDatabase(dataDir);
  if (running) return { url: running, embedded: true, poolSize: 1, close: async () => {} };
  const embedded = await startEmbeddedDatabase({ dataDir });
  return { url: embedded.url, embedded: true, poolSize: 1, close: () => embedded.stop() };
}

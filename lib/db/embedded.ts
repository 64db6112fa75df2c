// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) served over the PostgreSQL wire
// protocol on loopback, so the app talks to it through `pg` exactly as it talks to a real server.
// Only one process may open a data directory; a lock file records which one does and on which port,
// so operator commands run while the app is up connect to it instead of opening the files twice.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { relayNotifications } from "./embedded-notifications";

export interface EmbeddedDatabase {
  url: string;
  /** The whole data directory as an uncompressed tarball, which `loadDataDir` opens again. */
  dumpDataDir(): Promise<Blob>;
  stop(): Promise<void>;
}

interface LockFile {
  pid: number;
  port: number;
}

const LOCK_NAME = "server.lock.json";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function urlForPort(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/** The URL of an embedded database another live process is serving from `dataDir`, if any. */
export function runningEmbeddedDatabase(dataDir: string): string | null {
  const lockPath = path.join(dataDir, LOCK_NAME);
  try {
    const lock = JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockFile;
    if (lock.pid !== process.pid && isAlive(lock.pid)) return urlForPort(lock.port);
  } catch {
    // no lock, or an unreadable one: nobody serves this directory
  }
  return null;
}

/**
 * Opens (creating on first use) the PGlite database in `dataDir`, or an in-memory one when `dataDir`
 * is null, and serves it on a loopback port. An in-memory database may start from a `dumpDataDir()`
 * tarball instead of an empty cluster (the tests copy one migrated database this way).
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string | null;
  port?: number;
  loadDataDir?: Blob;
}): Promise<EmbeddedDatabase> {
  const { dataDir } = options;
  let lockPath: string | null = null;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    const other = runningEmbeddedDatabase(dataDir);
    if (other) {
      throw new Error(
        `The embedded database in ${dataDir} is already open in another process (${other}). ` +
          "Stop that process first, or connect to it.",
      );
    }
    lockPath = path.join(dataDir, LOCK_NAME);
  }
  // Every extension a migration creates must be loaded here (pg_trgm: the Logs tab's "path contains").
  const db = await PGlite.create({
    dataDir: dataDir ? path.join(dataDir, "pgdata") : undefined,
    loadDataDir: dataDir ? undefined : options.loadDataDir,
    extensions: { pg_trgm },
  });
  const port = options.port ?? (await freePort());
  // Queries of all connections are queued onto PGlite's one session; the app keeps a pool of one,
  // the extra slots serve operator commands (seed, keys) while the app runs.
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 8 });
  relayNotifications(server);
  await server.start();
  if (lockPath) fs.writeFileSync(lockPath, JSON.stringify({ pid: process.pid, port } satisfies LockFile));

  let stopped = false;
  return {
    url: urlForPort(port),
    dumpDataDir: () => db.dumpDataDir("none"),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      if (lockPath) fs.rmSync(lockPath, { force: true });
    },
  };
}

// A fresh, migrated database for one test file: an in-memory PGlite by default, or a new database on
// the PostgreSQL server named by TEST_DATABASE_URL. Never a mock.
// Migrating is done once per run (test/global-setup.ts): each file then copies that template, a
// PGlite tarball loaded into a new in-memory database, or PostgreSQL's CREATE DATABASE … TEMPLATE.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { env } from "../lib/env";

export interface TestDatabase {
  url: string;
  kind: "pglite" | "postgresql";
  drop(): Promise<void>;
}

/** Where a file's database is copied from: a PGlite tarball's path, or a PostgreSQL database's name. */
export interface DatabaseTemplate {
  kind: "pglite" | "postgresql";
  ref: string;
}

function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(server: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Migrates one database to copy from; the returned drop() removes it after the run. */
export async function createDatabaseTemplate(): Promise<{ template: DatabaseTemplate; drop(): Promise<void> }> {
  const server = env().TEST_DATABASE_URL;
  if (!server) {
    const embedded = await startEmbeddedDatabase({ dataDir: null });
    try {
      await migrate(embedded.url);
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pms-test-template-"));
      const file = path.join(dir, "pgdata.tar");
      await fs.writeFile(file, Buffer.from(await (await embedded.dumpDataDir()).arrayBuffer()));
      return { template: { kind: "pglite", ref: file }, drop: () => fs.rm(dir, { recursive: true, force: true }) };
    } finally {
      await embedded.stop();
    }
  }
  const name = `pms_template_${randomBytes(6).toString("hex")}`;
  await adminQuery(server, `CREATE DATABASE ${name}`);
  await migrate(databaseUrl(server, name));
  return { template: { kind: "postgresql", ref: name }, drop: () => adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function createTestDatabase(template?: DatabaseTemplate): Promise<TestDatabase> {
  const server = env().TEST_DATABASE_URL;
  if (!server) {
    const loadDataDir = template?.kind === "pglite" ? new Blob([await fs.readFile(template.ref)]) : undefined;
    const embedded = await startEmbeddedDatabase({ dataDir: null, loadDataDir });
    if (!loadDataDir) await migrate(embedded.url);
    return { url: embedded.url, kind: "pglite", drop: () => embedded.stop() };
  }
  const name = `pms_test_${randomBytes(6).toString("hex")}`;
  const from = template?.kind === "postgresql" ? ` TEMPLATE ${template.ref}` : "";
  await adminQuery(server, `CREATE DATABASE ${name}${from}`);
  const url = databaseUrl(server, name);
  if (!from) await migrate(url);
  return {
    url,
    kind: "postgresql",
    drop: () => adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

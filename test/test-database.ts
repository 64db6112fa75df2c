// A fresh, migrated database for one test file: an in-memory PGlite by default, or a new database on
// the PostgreSQL server named by TEST_DATABASE_URL. Never a mock.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { env } from "../lib/env";

export interface TestDatabase {
  url: string;
  kind: "pglite" | "postgresql";
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const server = env().TEST_DATABASE_URL;
  if (!server) {
    const embedded = await startEmbeddedDatabase({ dataDir: null });
    await migrate(embedded.url);
    return { url: embedded.url, kind: "pglite", drop: () => embedded.stop() };
  }
  const name = `pms_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    kind: "postgresql",
    async drop() {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { childProcessEnv, EnvError, parseEnv } from "../env";
import { databaseSettings } from "./client";
import { startEmbeddedDatabase } from "./embedded";
import { MIGRATIONS_DIR, migrate, readMigrations } from "./migrate";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

describe("migrate", () => {
  it("has applied every migration, recorded as Prisma records them, and a second run applies nothing", async () => {
    const url = databaseSettings().url;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await client.end();
    const files = readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((m) => m.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((m) => m.checksum));
    expect(rows.every((r) => r.finished_at instanceof Date && r.applied_steps_count === 1)).toBe(true);
    expect(await migrate(url)).toEqual({ applied: [], alreadyApplied: files.length });
  });

  it("rolls back a failing migration and reports which one failed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    fs.mkdirSync(path.join(dir, "001_ok"));
    fs.writeFileSync(path.join(dir, "001_ok", "migration.sql"), `CREATE TABLE "ok_table" (id int);`);
    fs.mkdirSync(path.join(dir, "002_bad"));
    fs.writeFileSync(path.join(dir, "002_bad", "migration.sql"), `CREATE TABLE "half_table" (id int); SELECT * FROM "missing_table";`);
    const db = await startEmbeddedDatabase({ dataDir: null });
    try {
      await expect(migrate(db.url, { dir })).rejects.toThrow(/Migration 002_bad failed: .*missing_table/);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const tables = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_name IN ('ok_table', 'half_table')`);
      const recorded = await client.query(`SELECT migration_name FROM "_prisma_migrations"`);
      await client.end();
      expect(tables.rows.map((r) => r.table_name)).toEqual(["ok_table"]);
      expect(recorded.rows.map((r) => r.migration_name)).toEqual(["001_ok"]);
    } finally {
      await db.stop();
    }
  });

  it("has a migration for every change in prisma/schema.prisma", async () => {
    const { stdout } = await run(tsx, ["scripts/db-new-migration.ts", "--check"], { encoding: "utf8" });
    expect(stdout).toContain("Schema and migrations agree.");
  }, 60_000);

  it("fails the migration check, printing the SQL, for a schema with changes no migration holds", async () => {
    const schema = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "schema-")), "schema.prisma");
    const original = fs.readFileSync("prisma/schema.prisma", "utf8");
    const withExtraColumn = original.replace("model User {\n", "model User {\n  nicknameForCheck String?\n");
    expect(withExtraColumn).not.toBe(original);
    fs.writeFileSync(
      schema,
      `${withExtraColumn}\nmodel ProbeForCheck {\n  id    Int    @id @default(autoincrement())\n  label String @unique\n}\n`,
    );
    const result = await run(tsx, ["scripts/db-new-migration.ts", "--check", "--schema", schema], { encoding: "utf8" }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`ALTER TABLE "User" ADD COLUMN     "nicknameForCheck" TEXT;`);
    expect(result.stderr).toContain(`CREATE TABLE "ProbeForCheck"`);
    expect(result.stderr).toContain(`CREATE UNIQUE INDEX "ProbeForCheck_label_key"`);
    fs.rmSync(path.dirname(schema), { recursive: true, force: true });
  }, 60_000);

  it("writes no migration folder when prisma/schema.prisma has no change", async () => {
    // only folders named *_probe are this test's: someone may author a real migration meanwhile
    const probeFolders = () => fs.readdirSync(MIGRATIONS_DIR).filter((entry) => entry.endsWith("_probe"));
    const before = probeFolders();
    try {
      const { stdout } = await run(tsx, ["scripts/db-new-migration.ts", "probe"], { encoding: "utf8" });
      expect(stdout).toContain("No schema changes: nothing to write.");
      expect(probeFolders()).toEqual(before);
    } finally {
      // a pending schema change would have written a probe migration: never leave it in the repository
      for (const entry of probeFolders()) {
        if (!before.includes(entry)) fs.rmSync(path.join(MIGRATIONS_DIR, entry), { recursive: true, force: true });
      }
    }
  }, 60_000);
});

describe("embedded database", () => {
  it("keeps data across a restart and refuses a second opener while one is running", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pglite-"));
    const first = await startEmbeddedDatabase({ dataDir });
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query(`CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')`);
    await client.end();
    await expect(
      run(tsx, ["-e", `import("./lib/db/embedded.ts").then(m => m.startEmbeddedDatabase({ dataDir: ${JSON.stringify(dataDir)} }))`]),
    ).rejects.toThrow(/already open in another process/);
    await first.stop();

    const second = await startEmbeddedDatabase({ dataDir });
    const again = new pg.Client({ connectionString: second.url });
    await again.connect();
    const { rows } = await again.query(`SELECT value FROM kept`);
    await again.end();
    await second.stop();
    expect(rows).toEqual([{ value: "still here" }]);
  });
});

describe("environment", () => {
  it("explains a malformed DATABASE_URL instead of failing later", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://nope" })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(/^Environment variable DATABASE_URL must be a PostgreSQL URL/);
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
    expect(parseEnv({}).PORT).toBe(3000);
  });

  it("npm start prints a clear message and exits 1 for a malformed or unreachable DATABASE_URL", async () => {
    const start = (url: string) =>
      run(tsx, ["scripts/start.ts"], { env: childProcessEnv({ DATABASE_URL: url }), encoding: "utf8" }).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    const malformed = await start("postgres//oops");
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain("Environment variable DATABASE_URL must be a PostgreSQL URL");
    expect(malformed.stderr).not.toMatch(/\n\s+at /); // no stack trace

    const unreachable = await start("postgresql://user:hunter2@127.0.0.1:1/pms");
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain("Cannot reach the database at postgresql://user:***@127.0.0.1:1/pms");
    expect(unreachable.stderr).not.toContain("hunter2");
  });
});

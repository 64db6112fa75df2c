// `npm run db:migration -- <name>`: author the next migration, offline. A throwaway in-memory PGlite gets
// every prisma/migrations/*/migration.sql through the app's own migrator, and Prisma's differ compares
// THAT database with prisma/schema.prisma, so the next migration starts from the SQL that actually ran.
// `-- --check` only reports whether they differ (exit 1 with the SQL); `--schema PATH` diffs another file.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { MIGRATIONS_DIR, migrate, readMigrations } from "../lib/db/migrate";
import { childProcessEnv } from "../lib/env";

const DIFF_CONFIG = path.join(import.meta.dirname, "prisma-diff.config.ts");
const USAGE =
  "Usage: npm run db:migration -- <snake_case_name> [--schema PATH]   (or --check [--schema PATH] to verify nothing is pending)";

function parseArgs(args: string[]): { name: string | null; check: boolean; schema: string } | null {
  let name: string | null = null;
  let check = false;
  let schema = path.join("prisma", "schema.prisma");
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--check") check = true;
    else if (arg === "--schema" && args[i + 1]) schema = args[++i]!;
    else if (!name && /^[a-z0-9_]+$/.test(arg)) name = arg;
    else return null;
  }
  return check === (name === null) ? { name, check, schema } : null;
}

/** The SQL that takes a database migrated with every migration.sql to `schema`. */
async function diffMigratedDatabase(schema: string): Promise<string> {
  const database = await startEmbeddedDatabase({ dataDir: null });
  // Prisma reads the database as the "shadow database" of an empty migration history (see the config).
  const emptyHistory = fs.mkdtempSync(path.join(os.tmpdir(), "empty-migrations-"));
  try {
    await migrate(database.url);
    fs.writeFileSync(path.join(emptyHistory, "migration_lock.toml"), 'provider = "postgresql"\n');
    const { stdout } = await promisify(execFile)(
      path.join("node_modules", ".bin", "prisma"),
      ["migrate", "diff", "--config", DIFF_CONFIG, "--from-migrations", emptyHistory, "--to-schema-datamodel", schema, "--script"],
      { env: childProcessEnv({ DATABASE_URL: database.url }), encoding: "utf8" },
    );
    await assertStillMigrated(database.url);
    return stdout;
  } finally {
    fs.rmSync(emptyHistory, { recursive: true, force: true });
    await database.stop();
  }
}

// Should a later Prisma reset its shadow database before describing it, the diff would be from empty.
async function assertStillMigrated(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query<{ ok: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS ok`);
    const applied = exists.rows[0]?.ok ? (await client.query(`SELECT 1 FROM "_prisma_migrations"`)).rowCount : 0;
    if (applied !== readMigrations().length) {
      throw new Error("Prisma emptied the migrated database before diffing it: the diff would not start from the migrations.");
    }
  } finally {
    await client.end();
  }
}

const options = parseArgs(process.argv.slice(2));
if (!options) {
  console.error(USAGE);
  process.exit(2);
}
if (!fs.existsSync(options.schema)) {
  console.error(`No schema file at ${options.schema}.`);
  process.exit(2);
}

const sql = await diffMigratedDatabase(options.schema);
const empty = !/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ""));
if (options.check) {
  if (empty) {
    console.log("Schema and migrations agree.");
  } else {
    console.error(`${options.schema} and prisma/migrations differ; this SQL would bring the migrated database to the schema:\n${sql}`);
    process.exitCode = 1;
  }
} else if (empty) {
  console.log("No schema changes: nothing to write.");
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${options.name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

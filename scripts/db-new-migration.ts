// `npm run db:migration -- <name>`: author the next migration, offline. Each migration folder keeps
// the schema it was made from (schema.prisma beside migration.sql), so the next one is the diff from
// that snapshot to prisma/schema.prisma. Prisma's schema engine (WebAssembly) needs a database for its
// adapter even when diffing files, so a throwaway in-memory PGlite stands in.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { MIGRATIONS_DIR, readMigrations } from "../lib/db/migrate";

const name = process.argv[2]?.trim();
const check = name === "--check";
if (!name || (!check && !/^[a-z0-9_]+$/.test(name))) {
  console.error("Usage: npm run db:migration -- <snake_case_name>   (or --check to verify nothing is pending)");
  process.exit(2);
}

const previous = readMigrations().at(-1);
const snapshot = previous ? path.join(MIGRATIONS_DIR, previous.name, "schema.prisma") : null;
if (snapshot && !fs.existsSync(snapshot)) {
  console.error(`The latest migration ${previous!.name} has no schema.prisma snapshot to diff from.`);
  process.exit(1);
}

const database = await startEmbeddedDatabase({ dataDir: null });
let sql: string;
try {
  const from = snapshot ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const result = await promisify(execFile)(
    path.join("node_modules", ".bin", "prisma"),
    ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { env: { ...process.env, DATABASE_URL: database.url }, encoding: "utf8" },
  );
  sql = result.stdout;
} finally {
  await database.stop();
}

const empty = !/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ""));
if (check) {
  if (empty) {
    console.log("Schema and migrations agree.");
  } else {
    console.error("prisma/schema.prisma has changes that no migration holds:\n" + sql);
    process.exitCode = 1;
  }
} else if (empty) {
  console.log("No schema changes: nothing to write.");
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  fs.copyFileSync("prisma/schema.prisma", path.join(dir, "schema.prisma"));
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

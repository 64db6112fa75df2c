// Prisma CLI configuration. The CLI here only generates the client; `npm run db:migration` diffs with its
// own scripts/prisma-diff.config.ts, and migrations are applied by lib/db/migrate.ts over `pg`.
// engine "js" selects the WebAssembly schema engine, so no engine binary is ever downloaded.
// The schema's datasource needs a postgresql:// URL to validate: a placeholder stands in when unset.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

process.env.DATABASE_URL ??= "postgresql://placeholder:placeholder@127.0.0.1:5432/placeholder";
const connectionString = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString }),
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
});

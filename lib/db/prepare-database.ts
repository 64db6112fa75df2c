// What every start does before serving: reach the database (with a message an operator can act on
// when it cannot), apply pending migrations, and seed the demo into an empty database.
import pg from "pg";
import { seedDemoData } from "../demo/seed-demo-data";
import { createDbHandle } from "./client";
import { migrate } from "./migrate";

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<unparseable URL>";
  }
}

export class DatabaseUnreachableError extends Error {}

export async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new DatabaseUnreachableError(`Cannot reach the database at ${redactUrl(url)}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function prepareDatabase(
  url: string,
  options: { seed: boolean; log: (line: string) => void },
): Promise<void> {
  await checkConnection(url);
  const result = await migrate(url, { log: options.log });
  options.log(`database schema up to date (${result.applied.length} applied now, ${result.alreadyApplied} before)`);
  if (!options.seed) return;
  const { prisma, pool } = createDbHandle(url, 1);
  try {
    const seeded = await seedDemoData(prisma);
    options.log(seeded.seeded ? "seeded the demo data" : `demo data not seeded: ${seeded.reason}`);
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}

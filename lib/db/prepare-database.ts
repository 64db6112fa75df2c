// What every start does before serving: reach the database (with a message an operator can act on
// when it cannot) and apply pending migrations. Seeding the demo is the caller's (scripts/start.ts,
// scripts/db-seed.ts): lib/db knows nothing of the demo.
import pg from "pg";
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

export async function prepareDatabase(url: string, options: { log: (line: string) => void }): Promise<void> {
  await checkConnection(url);
  const result = await migrate(url, { log: options.log });
  options.log(`database schema up to date (${result.applied.length} applied now, ${result.alreadyApplied} before)`);
}

// `npm run db:migrate`: apply pending migrations to DATABASE_URL, or to the embedded database.
import { openDatabase } from "../lib/db/open-database";
import { migrate } from "../lib/db/migrate";

const database = await openDatabase();
try {
  const result = await migrate(database.url, { log: (line) => console.log(line) });
  console.log(`${result.applied.length} migration(s) applied, ${result.alreadyApplied} already applied.`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}

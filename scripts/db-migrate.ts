// `npm run db:migrate`: apply pending migrations to DATABASE_URL, or to the embedded database.
import { migrate } from "../lib/db/migrate";
import { runWithDatabase } from "../lib/db/run-cli";

await runWithDatabase({ name: "db:migrate", requireMigrated: false }, async (database) => {
  const result = await migrate(database.url, { log: (line) => console.log(line) });
  console.log(`${result.applied.length} migration(s) applied, ${result.alreadyApplied} already applied.`);
});

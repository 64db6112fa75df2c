// `npm run db:seed`: migrate, then seed the demo data into an empty database (idempotent: a database
// with data is left alone). `npm run db:seed -- --reset` deletes the demo properties and users and
// seeds them anew.
import { db } from "../lib/db/client";
import { prepareDatabase } from "../lib/db/prepare-database";
import { runWithDatabase } from "../lib/db/run-cli";
import { seedDemoData } from "../lib/demo/seed-demo-data";

const reset = process.argv.includes("--reset");
await runWithDatabase({ name: "db:seed", requireMigrated: false }, async (database) => {
  await prepareDatabase(database.url, { log: () => {} });
  const result = await seedDemoData(db, { reset });
  console.log(result.seeded ? "Demo data seeded." : `Nothing to do: ${result.reason} (use --reset to reseed the demo).`);
});

// `npm run worker`: the webhook worker alone (any number may run beside the app instances). Uses
// DATABASE_URL, or joins the embedded database a running `npm start` serves. Stops cleanly on
// SIGTERM/SIGINT: in-flight attempts finish and are recorded.
import { closeDb } from "../lib/db/client";
import { pendingMigrations } from "../lib/db/migrate";
import { openDatabase } from "../lib/db/open-database";
import { redactUrl } from "../lib/db/prepare-database";
import { onShutdown } from "../lib/jobs/shutdown";
import { startWebhookWorker } from "../lib/webhooks/run-worker";

const database = await openDatabase();
process.env.DATABASE_URL = database.url;
process.env.DATABASE_POOL_SIZE = process.env.DATABASE_POOL_SIZE ?? String(database.poolSize);
const pending = await pendingMigrations(database.url);
if (pending.length > 0) {
  console.error(`[worker] the database has ${pending.length} pending migration(s): run \`npm run db:migrate\` or \`npm start\` first.`);
  await database.close();
  process.exit(1);
}
const worker = startWebhookWorker();
console.log(`[worker] delivering webhooks from ${database.embedded ? "the embedded database" : redactUrl(database.url)}`);
onShutdown("webhook worker", async () => {
  await worker.stop();
  console.log(`[worker] stopped after ${worker.recorded} attempt(s)`);
  await closeDb();
  await database.close();
});

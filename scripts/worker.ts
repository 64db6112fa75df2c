// `npm run worker`: the webhook worker alone (any number may run beside the app instances, which can
// leave delivery to them with WEBHOOKS_WORKER=off). Uses DATABASE_URL, or opens the embedded database
// when no app holds it. Stops cleanly on SIGTERM/SIGINT (see WebhookWorker.stop).
import { closeDb } from "../lib/db/client";
import { pendingMigrations } from "../lib/db/migrate";
import { runningEmbeddedDatabase } from "../lib/db/embedded";
import { openDatabase, pgliteDataDir } from "../lib/db/open-database";
import { parseEnv } from "../lib/env";
import { redactUrl } from "../lib/db/prepare-database";
import { onShutdown } from "../lib/jobs/shutdown";
import { startWebhookWorker } from "../lib/webhooks/run-worker";

// The embedded database multiplexes one session over its connections, so a second process must not
// run a worker beside a running app on it (the app has its own worker); PostgreSQL has no such limit.
if (!parseEnv().DATABASE_URL && runningEmbeddedDatabase(pgliteDataDir(parseEnv()))) {
  console.error("[worker] the running app already delivers webhooks from the embedded database; separate workers need DATABASE_URL (PostgreSQL).");
  process.exit(1);
}
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

// `npm run worker`: the webhook worker alone (any number may run beside the app instances, which can
// leave delivery to them with WEBHOOKS_WORKER=off). Uses DATABASE_URL, or opens the embedded database
// when no app holds it. Runs until SIGTERM/SIGINT, then stops cleanly (see WebhookWorker.stop).
import { redactUrl } from "../lib/db/prepare-database";
import { CliError, runWithDatabase } from "../lib/db/run-cli";
import { env } from "../lib/env";
import { startWebhookWorker } from "../lib/webhooks/engine/run-worker";

await runWithDatabase({ name: "webhook worker", requireMigrated: true }, async (database) => {
  // The embedded database multiplexes one session over its connections, so a second process must not
  // run a worker beside a running app on it (the app has its own worker); PostgreSQL has no such limit.
  if (database.sharedWithApp) {
    throw new CliError(
      "[worker] the running app already delivers webhooks from the embedded database; separate workers need DATABASE_URL (PostgreSQL).",
    );
  }
  // As for the app (scripts/start.ts): private addresses are allowed with the embedded database unless set.
  const worker = startWebhookWorker({ allowPrivate: env().WEBHOOKS_ALLOW_PRIVATE_NETWORKS ?? database.embedded });
  console.log(`[worker] delivering webhooks from ${database.embedded ? "the embedded database" : redactUrl(database.url)}`);
  return {
    async stop() {
      await worker.stop();
      console.log(`[worker] stopped after ${worker.recorded} attempt(s)`);
    },
  };
});

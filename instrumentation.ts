// Runs once when a server instance starts: the background jobs and the webhook worker live in the
// Node.js runtime only. WEBHOOKS_WORKER=off leaves deliveries to separate `npm run worker` processes.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.DATABASE_URL) {
    const { startBackgroundJobs } = await import("./lib/jobs/background-jobs");
    const { flushRequestLogsOnShutdown } = await import("./lib/request-logs/log-writer");
    const { startWebhookWorker, stopWebhookWorkerOnShutdown, webhookWorkerEnabled } = await import("./lib/webhooks/run-worker");
    startBackgroundJobs();
    flushRequestLogsOnShutdown();
    if (webhookWorkerEnabled()) {
      startWebhookWorker();
      stopWebhookWorkerOnShutdown();
    }
  }
}

// Runs once when a server instance starts: the background jobs and the webhook worker live in the
// Node.js runtime only. WEBHOOKS_WORKER=off leaves deliveries to separate `npm run worker` processes.
// The HTTP server answers TRACE, TRACK and CONNECT itself (405): they never reach proxy.ts.
export async function register() {
  // NEXT_RUNTIME is set by Next.js per bundle, not configuration; the check keeps these imports out of the edge bundle.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseTraceMethods } = await import("./lib/http/refuse-trace-methods");
    refuseTraceMethods();
    const { env } = await import("./lib/env");
    if (!env().DATABASE_URL) return;
    const { startBackgroundJobs } = await import("./lib/jobs/background-jobs");
    const { flushRequestLogsOnShutdown } = await import("./lib/request-logs/log-writer");
    const { startWebhookWorker, stopWebhookWorkerOnShutdown, webhookWorkerEnabled } = await import("./lib/webhooks/engine/run-worker");
    startBackgroundJobs();
    flushRequestLogsOnShutdown();
    if (webhookWorkerEnabled()) {
      startWebhookWorker();
      stopWebhookWorkerOnShutdown();
    }
  }
}

// Runs once when a server instance starts: the background jobs live in the Node.js runtime only.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.DATABASE_URL) {
    const { startBackgroundJobs } = await import("./lib/jobs/background-jobs");
    const { flushRequestLogsOnShutdown } = await import("./lib/request-logs/log-writer");
    startBackgroundJobs();
    flushRequestLogsOnShutdown();
  }
}

// Recurring work of an app instance: expired Idempotency-Key records are purged in small batches.
// Every instance may run it; the deletes are idempotent.
import { purgeExpiredIdempotencyRecords } from "../idempotency/idempotency";

const PURGE_EVERY_MS = 10 * 60_000;
const globalForJobs = globalThis as unknown as { __pmsJobs?: NodeJS.Timeout[] };

export function startBackgroundJobs(): void {
  if (globalForJobs.__pmsJobs) return;
  const purge = setInterval(() => {
    purgeExpiredIdempotencyRecords().catch((error: unknown) => console.error("idempotency purge failed:", error));
  }, PURGE_EVERY_MS);
  purge.unref();
  globalForJobs.__pmsJobs = [purge];
}

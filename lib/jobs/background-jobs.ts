// Recurring work of an app instance: the alert rules every minute; and expired Idempotency-Key records, request logs past their
// property's retention, webhook history older than 30 days, usage rollups past their use, ended sessions and stale sign-in counts
// are purged in small batches; guest erasures are carried on every few seconds. Every instance may run it; the
// deletes are idempotent, and an erasure is leased to one instance at a time.
import { ALERT_INTERVAL_MS, runAlerts } from "../alerts/run-alerts";
import { purgeEndedSessions, purgeStaleSignInCounts } from "../auth/purge-auth-records";
import { runGuestErasures } from "../guests/run-guest-erasures";
import { purgeExpiredIdempotencyRecords } from "../idempotency/idempotency";
import { purgeExpiredRequestLogs } from "../request-logs/purge-request-logs";
import { purgeRollups } from "../rollups/purge-rollups";
import { purgeWebhookHistory } from "../webhooks/purge-webhook-history";

const PURGE_EVERY_MS = 10 * 60_000;
const ERASURE_INTERVAL_MS = 2_000;
const globalForJobs = globalThis as unknown as { __pmsJobs?: NodeJS.Timeout[] };

export function startBackgroundJobs(): void {
  if (globalForJobs.__pmsJobs) return;
  const purge = setInterval(() => {
    purgeExpiredIdempotencyRecords().catch((error: unknown) => console.error("idempotency purge failed:", error));
    purgeExpiredRequestLogs().catch((error: unknown) => console.error("request log retention failed:", error));
    purgeWebhookHistory().catch((error: unknown) => console.error("webhook history retention failed:", error));
    purgeRollups().catch((error: unknown) => console.error("rollup retention failed:", error));
    purgeEndedSessions().catch((error: unknown) => console.error("session purge failed:", error));
    purgeStaleSignInCounts().catch((error: unknown) => console.error("sign-in count purge failed:", error));
  }, PURGE_EVERY_MS);
  purge.unref();
  const alerts = setInterval(() => {
    runAlerts().catch((error: unknown) => console.error("alerts failed:", error));
  }, ALERT_INTERVAL_MS);
  alerts.unref();
  let erasing = false;
  const erasures = setInterval(() => {
    if (erasing) return;
    erasing = true;
    runGuestErasures({ budgetMs: 10_000 })
      .catch((error: unknown) => console.error("guest erasures failed:", error))
      .finally(() => (erasing = false));
  }, ERASURE_INTERVAL_MS);
  erasures.unref();
  globalForJobs.__pmsJobs = [purge, alerts, erasures];
}

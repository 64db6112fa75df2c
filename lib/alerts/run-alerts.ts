import "server-only";
// How the app runs the alerts: every minute (every instance; the rules dedupe), and at once for the
// endpoints a webhook worker just saw fail, so a broken receiver is told within seconds, not a minute.
import { mailPendingAlerts } from "./alert-mail";
import { ENDPOINT_RULES } from "../integration-rules/registry";
import { evaluateAlerts } from "./evaluate-alerts";

export const ALERT_INTERVAL_MS = 60_000;

export async function runAlerts(now = new Date()): Promise<void> {
  await evaluateAlerts({ now });
  await mailPendingAlerts({ now });
}

let pending: Promise<void> | null = null;
const queued = new Set<string>();

/** After failed attempts: evaluates the endpoint rules for these endpoints, then mails what was raised. */
export function checkEndpointAlerts(endpointIds: string[]): void {
  for (const id of endpointIds) queued.add(id);
  if (pending) return;
  pending = (async () => {
    while (queued.size > 0) {
      const ids = [...queued];
      queued.clear();
      await evaluateAlerts({ rules: ENDPOINT_RULES, endpointIds: ids });
      await mailPendingAlerts();
    }
  })()
    .catch((error: unknown) => console.error("endpoint alerts failed:", (error as Error).message))
    .finally(() => {
      pending = null;
    });
}

// Starts the webhook worker of this process once (kept on globalThis, so route bundles and dev reloads
// share it) and stops it cleanly on SIGTERM/SIGINT: attempts in flight get 3 s to finish and be
// recorded; the leases of any still running are handed back for another worker to send at once.
import { getPool } from "../db/client";
import { onShutdown } from "../jobs/shutdown";
import { WebhookWorker, workerOptionsFromEnv } from "./webhook-worker";

const globalForWorker = globalThis as unknown as { __pmsWebhookWorker?: WebhookWorker };

export function webhookWorkerEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.WEBHOOKS_WORKER !== "off";
}

export function startWebhookWorker(): WebhookWorker {
  if (globalForWorker.__pmsWebhookWorker) return globalForWorker.__pmsWebhookWorker;
  const worker = new WebhookWorker({ pool: getPool(), ...workerOptionsFromEnv() });
  worker.start();
  globalForWorker.__pmsWebhookWorker = worker;
  return worker;
}

export function stopWebhookWorkerOnShutdown(): void {
  onShutdown("webhook worker", async () => globalForWorker.__pmsWebhookWorker?.stop());
}

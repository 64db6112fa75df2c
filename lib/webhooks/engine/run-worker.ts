// Starts the webhook worker of this process once (kept on globalThis, so route bundles and dev reloads
// share it) and stops it cleanly on SIGTERM/SIGINT: attempts in flight get 3 s to finish and be
// recorded; the leases of any still running are handed back for another worker to send at once.
import { getPool } from "../../db/client";
import { env, type Env } from "../../env";
import { onShutdown } from "../../jobs/shutdown";
import { WebhookWorker, workerOptionsFromEnv, type WorkerOptions } from "./webhook-worker";

const globalForWorker = globalThis as unknown as { __pmsWebhookWorker?: WebhookWorker };

/** WEBHOOKS_WORKER=off leaves this app instance's deliveries to separate workers. */
export function webhookWorkerEnabled(settings: Env = env()): boolean {
  return settings.WEBHOOKS_WORKER;
}

/** Starts this process's worker with the WEBHOOK_* settings; `options` override them. */
export function startWebhookWorker(options: Partial<Omit<WorkerOptions, "pool">> = {}): WebhookWorker {
  if (globalForWorker.__pmsWebhookWorker) return globalForWorker.__pmsWebhookWorker;
  const worker = new WebhookWorker({ pool: getPool(), ...workerOptionsFromEnv(), ...options });
  worker.start();
  globalForWorker.__pmsWebhookWorker = worker;
  return worker;
}

export function stopWebhookWorkerOnShutdown(): void {
  onShutdown("webhook worker", async () => globalForWorker.__pmsWebhookWorker?.stop());
}

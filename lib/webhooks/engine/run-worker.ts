// Starts the webhook worker of this process once (kept on globalThis, so route bundles and dev reloads
// share it) and stops it cleanly on SIGTERM/SIGINT: attempts in flight get 3 s to finish and be
// recorded; the leases of any still running are handed back for another worker to send at once.
import { checkEndpointAlerts } from "../../alerts/run-alerts";
import { dataEncryptionKeys } from "../../crypto/seal";
import { getPool } from "../../db/client";
import { env, type Env } from "../../env";
import { onShutdown } from "../../jobs/shutdown";
import { sealStoredSecrets } from "../seal-stored-secrets";
import { WebhookWorker, workerOptionsFromEnv, type WorkerOptions } from "./webhook-worker";

const globalForWorker = globalThis as unknown as { __pmsWebhookWorker?: WebhookWorker };

/** A worker that remembers a stop, so the start that follows the secrets step does not undo it. */
class ProcessWorker extends WebhookWorker {
  stopRequested = false;
  override async stop(graceMs?: number): Promise<void> {
    this.stopRequested = true;
    return super.stop(graceMs);
  }
}

/** WEBHOOKS_WORKER=off leaves this app instance's deliveries to separate workers. */
export function webhookWorkerEnabled(settings: Env = env()): boolean {
  return settings.WEBHOOKS_WORKER;
}

/**
 * Starts this process's worker with the WEBHOOK_* settings; `options` override them. Without
 * DATA_ENCRYPTION_KEYS it throws at once; it sends only after stored secrets are sealed with the current
 * key (and found readable): a wrong key leaves it stopped, with one line saying why.
 */
export function startWebhookWorker(options: Partial<Omit<WorkerOptions, "pool">> = {}): WebhookWorker {
  if (globalForWorker.__pmsWebhookWorker) return globalForWorker.__pmsWebhookWorker;
  const keys = dataEncryptionKeys();
  const worker = new ProcessWorker({ pool: getPool(), onFailures: checkEndpointAlerts, ...workerOptionsFromEnv(), ...options });
  const log = options.log ?? ((message: string) => console.error(`[webhooks] ${message}`));
  globalForWorker.__pmsWebhookWorker = worker;
  void sealStoredSecrets(getPool(), keys).then(
    (rewritten) => {
      if (rewritten > 0) log(`encrypted ${rewritten} stored secret(s) with key ${keys[0]!.id}`);
      if (!worker.stopRequested) worker.start();
    },
    (error: unknown) => log(`not started: ${error instanceof Error ? error.message : String(error)}`),
  );
  return worker;
}

export function stopWebhookWorkerOnShutdown(): void {
  onShutdown("webhook worker", async () => globalForWorker.__pmsWebhookWorker?.stop());
}

// The webhook worker: fans out new outbox events, leases due deliveries, sends them with up to
// `concurrency` requests in flight, and writes finished attempts in batches. Any number of workers may
// run against one database (inside every `npm start` instance, or alone with `npm run worker`).
// Nothing is lost when a worker dies: an event leaves the outbox only in the statement that creates
// its deliveries, and a delivery whose attempt was never recorded is leased again when its lease ends
// and sent with the same webhook-id, so receivers can drop the duplicate.
// An idle worker wakes when work is committed (LISTEN, see outbox-listener.ts), when a retry it
// scheduled falls due, or on its poll, the safety net for anything else.
import type pg from "pg";
import { env, type Env } from "../../env";
import {
  claimDueDeliveries,
  fanOutEvents,
  recordAttempts,
  releaseLeases,
  type ClaimedDelivery,
  type CompletedAttempt,
} from "./delivery-queue";
import { OutboxListener } from "./outbox-listener";
import { DEFAULT_TIMEOUT_MS, requestHeaders, sendAttempt, type AttemptResult } from "./send-attempt";
import { activeSecrets, signedHeaders } from "./signing";
import { privateNetworksAllowed, type Resolver } from "./url-guard";

export interface WorkerOptions {
  pool: pg.Pool;
  /** The scheduling clock (injected by tests); signatures always carry the real time of sending. */
  clock?: () => Date;
  random?: () => number;
  concurrency?: number;
  /** Requests in flight to any one endpoint, so a slow endpoint cannot hold every slot. */
  endpointConcurrency?: number;
  pollMs?: number;
  timeoutMs?: number;
  /** How long a claimed delivery stays with this worker; must outlast an attempt. */
  leaseMs?: number;
  allowPrivate?: boolean;
  resolve?: Resolver;
  log?: (message: string) => void;
}

/** The worker's settings from the WEBHOOK_* variables (validated, with their defaults, by lib/env.ts). */
export function workerOptionsFromEnv(settings: Env = env()): Partial<WorkerOptions> {
  return {
    concurrency: settings.WEBHOOK_CONCURRENCY,
    endpointConcurrency: settings.WEBHOOK_ENDPOINT_CONCURRENCY,
    pollMs: settings.WEBHOOK_POLL_MS,
    timeoutMs: settings.WEBHOOK_TIMEOUT_MS,
    leaseMs: settings.WEBHOOK_LEASE_MS,
  };
}

export class WebhookWorker {
  private readonly pool: pg.Pool;
  private readonly clock: () => Date;
  private readonly random: () => number;
  private readonly concurrency: number;
  private readonly endpointConcurrency: number;
  private readonly pollMs: number;
  private readonly safetyPollMs: number;
  private readonly timeoutMs: number;
  private readonly leaseMs: number;
  private readonly allowPrivate: boolean;
  private readonly resolve: Resolver | undefined;
  private readonly log: (message: string) => void;

  private running = false;
  private loop: Promise<void> | null = null;
  private inFlight = 0;
  private readonly sending = new Set<ClaimedDelivery>();
  private readonly inFlightByEndpoint = new Map<string, number>();
  private finished: CompletedAttempt[] = [];
  private writing: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private wakeTimer: NodeJS.Timeout | null = null;
  private wakeRequested = false;
  private readonly listener: OutboxListener;
  /** Bumped by every wake that may mean new outbox events; the outbox is read only when it moved. */
  private outboxSeq = 1;
  private outboxSeen = 0;
  /** The earliest retry this worker scheduled (clock time, ms), so an idle wait ends when it falls due. */
  private nextRetryAt: number | null = null;
  /** Attempts sent and recorded by this worker, for benchmarks and the worker's log. */
  recorded = 0;

  constructor(options: WorkerOptions) {
    this.pool = options.pool;
    this.clock = options.clock ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.concurrency = options.concurrency ?? 64;
    this.endpointConcurrency = Math.min(options.endpointConcurrency ?? 16, this.concurrency);
    this.pollMs = options.pollMs ?? 100;
    // While notifications are known to arrive, the poll is only a safety net (a lease run out, a plan
    // changed back to PRO, a notification lost in a reconnect): 20 polls' worth, at most 2 s, but
    // never more often than pollMs. With the default 100 ms that is 2 s.
    this.safetyPollMs = Math.max(this.pollMs, Math.min(2_000, this.pollMs * 20));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.leaseMs = options.leaseMs ?? this.timeoutMs + 15_000;
    this.allowPrivate = privateNetworksAllowed(options.allowPrivate);
    this.resolve = options.resolve;
    this.log = options.log ?? ((message) => console.error(`[webhooks] ${message}`));
    this.listener = new OutboxListener({ pool: this.pool, log: this.log, onWake: () => this.notified() });
  }

  /** Runs until stop(): wait for a notification (or the poll) when idle, go on at once while there is work. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.outboxSeq += 1;
    this.listener.start();
    this.loop = this.run();
  }

  /**
   * Stops claiming, lets attempts in flight finish and be recorded for up to `graceMs`, then gives
   * back the leases of those still running so another worker sends them at once (same webhook-id).
   */
  async stop(graceMs = 3_000): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener.close();
    const deadline = Date.now() + graceMs;
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    if (this.inFlight > 0) {
      const unfinished = [...this.sending];
      await releaseLeases(this.pool, unfinished).catch((error: unknown) =>
        this.log(`could not release ${unfinished.length} lease(s): ${(error as Error).message}`),
      );
    }
    await this.drain({ waitForInFlight: false });
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
  }

  /** One pass for tests and scripts: fan out, then send every due delivery and record it. */
  async runOnce(): Promise<{ events: number; attempts: number }> {
    let events = 0;
    let attempts = 0;
    for (;;) {
      const fanned = await fanOutEvents(this.pool, this.clock());
      events += fanned.events;
      if (fanned.events === 0) break;
    }
    for (;;) {
      const claimed = await this.claim(this.concurrency);
      if (claimed.length === 0) break;
      attempts += claimed.length;
      await Promise.all(claimed.map((delivery) => this.send(delivery)));
      await this.drain();
    }
    return { events, attempts };
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let busy = false;
      try {
        // Without trusted notifications the outbox is read on every pass, as a poll; with them, only
        // after a notification or a poll timeout, and again while the last read found events: a busy
        // worker then spends one query per pass (the claim), not two.
        if (!this.listener.trusted || this.outboxSeen !== this.outboxSeq) {
          const seq = this.outboxSeq;
          const fanned = await fanOutEvents(this.pool, this.clock());
          busy = fanned.events > 0;
          if (!busy) this.outboxSeen = seq;
        }
        if (this.nextRetryAt !== null && this.nextRetryAt <= this.clock().getTime()) this.nextRetryAt = null;
        const free = this.concurrency - this.inFlight;
        const claimed = free > 0 ? await this.claim(free) : [];
        for (const delivery of claimed) void this.send(delivery);
        // Go on at once while there is work and a free slot; otherwise wait for a slot or the poll.
        busy = (busy || claimed.length > 0) && this.inFlight < this.concurrency;
        failures = 0;
      } catch (error) {
        // The database is away: say so once per back-off step, wait longer each time (at most 5 s).
        failures += 1;
        this.log(`worker pass failed (${failures}): ${error instanceof Error ? error.message : String(error)}`);
        await this.idle(Math.min(5_000, this.pollMs * 2 ** failures));
        continue;
      }
      if (!this.running) break;
      if (!busy) await this.idle(this.idleMs());
    }
  }

  /** The poll (slow while notifications are trusted), or less when a retry this worker scheduled falls due sooner. */
  private idleMs(): number {
    const poll = this.listener.trusted ? this.safetyPollMs : this.pollMs;
    if (this.nextRetryAt === null) return poll;
    return Math.max(1, Math.min(poll, this.nextRetryAt - this.clock().getTime()));
  }

  /** Work was committed (or may have been): the next pass reads the outbox, and starts now if idle. */
  private notified(): void {
    this.outboxSeq += 1;
    if (!this.running) return;
    if (this.wake) this.wake();
    else this.wakeRequested = true;
  }

  /** Waits `ms`, or less when an attempt finishes, work is committed (notified) or stop() is called. */
  private idle(ms: number): Promise<void> {
    if (this.wakeRequested && this.running) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        // The poll ran out: the safety net reads the outbox too.
        this.outboxSeq += 1;
        done();
      }, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  private claim(limit: number): Promise<ClaimedDelivery[]> {
    const now = this.clock();
    return claimDueDeliveries(this.pool, now, new Date(now.getTime() + this.leaseMs), limit, {
      perEndpoint: this.endpointConcurrency,
      inFlight: this.inFlightByEndpoint,
    });
  }

  private async send(delivery: ClaimedDelivery): Promise<void> {
    this.inFlight += 1;
    this.sending.add(delivery);
    this.inFlightByEndpoint.set(delivery.endpointId, (this.inFlightByEndpoint.get(delivery.endpointId) ?? 0) + 1);
    const request = { url: delivery.url, headers: {} as Record<string, string>, body: delivery.payload };
    try {
      const sentAt = new Date();
      let result: AttemptResult;
      try {
        request.headers = requestHeaders(signedHeaders(activeSecrets(delivery, this.clock()), delivery.id, sentAt, delivery.payload));
        result = await sendAttempt(request, { timeoutMs: this.timeoutMs, allowPrivate: this.allowPrivate, resolve: this.resolve });
      } catch (error) {
        // Signing or the request itself threw (a malformed secret or URL written behind our back):
        // recorded as a failed attempt like any other, never an unhandled rejection.
        result = {
          startedAt: sentAt,
          durationMs: 0,
          status: null,
          headers: null,
          body: null,
          error: `Not sent: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      this.finished.push({ delivery, request, result, at: this.clock() });
    } finally {
      this.inFlight -= 1;
      this.sending.delete(delivery);
      const left = (this.inFlightByEndpoint.get(delivery.endpointId) ?? 1) - 1;
      if (left > 0) this.inFlightByEndpoint.set(delivery.endpointId, left);
      else this.inFlightByEndpoint.delete(delivery.endpointId);
    }
    this.flushSoon();
    // A slot is free (overall and for this endpoint): claim more soon, without waiting for the poll
    // interval; completions within 2 ms share one claim.
    this.wakeTimer ??= setTimeout(() => {
      this.wakeTimer = null;
      // Not idle right now (a claim is running): the next idle() returns at once instead, so a slot
      // freed during a claim that found every slot full is not left unused for a whole poll interval.
      if (this.wake) this.wake();
      else this.wakeRequested = true;
    }, 2);
  }

  private readonly retryScheduled = (at: Date) => {
    if (this.nextRetryAt === null || at.getTime() < this.nextRetryAt) this.nextRetryAt = at.getTime();
  };

  private flushSoon(): void {
    if (this.writing) return;
    this.writing = (async () => {
      while (this.finished.length > 0) {
        const batch = this.finished.splice(0, 500);
        try {
          this.recorded += (await recordAttempts(this.pool, batch, this.random, this.retryScheduled)).length;
        } catch (error) {
          // One bad row must not hold back the others: record them one by one. What still fails stays
          // leased and is sent again when the lease runs out, with the same webhook-id.
          this.log(
            `could not record ${batch.length} attempt(s) together (${error instanceof Error ? error.message : String(error)}); one by one`,
          );
          for (const attempt of batch) {
            try {
              this.recorded += (await recordAttempts(this.pool, [attempt], this.random, this.retryScheduled)).length;
            } catch (single) {
              this.log(
                `could not record the attempt of ${attempt.delivery.id}: ${single instanceof Error ? single.message : String(single)}`,
              );
            }
          }
        }
      }
    })().finally(() => {
      this.writing = null;
    });
  }

  private async drain(options: { waitForInFlight: boolean } = { waitForInFlight: true }): Promise<void> {
    while ((options.waitForInFlight && this.inFlight > 0) || this.writing || this.finished.length > 0) {
      if (this.writing) await this.writing;
      else if (this.finished.length > 0) this.flushSoon();
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

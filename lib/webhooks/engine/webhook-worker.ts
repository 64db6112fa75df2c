// The webhook worker: fans out new outbox events, leases due deliveries, sends them with up to
// `concurrency` requests in flight, and writes finished attempts in batches. Any number of workers may
// run against one database (inside every `npm start` instance, or alone with `npm run worker`).
// An endpoint that answers quickly gets a few more deliveries leased than it has requests in flight,
// queued here in order, so a finished request is followed at once by the next one and claims are made
// for a group of deliveries rather than one claim per finished request.
// Nothing is lost when a worker dies: an event leaves the outbox only in the statement that creates
// its deliveries, and a delivery whose attempt was never recorded is leased again when its lease ends
// and sent with the same webhook-id, so receivers can drop the duplicate.
// An idle worker wakes when work is committed (LISTEN, see outbox-listener.ts), when a retry it
// scheduled falls due, or on its poll, the safety net for anything else.
import type pg from "pg";
import { env, type Env } from "../../env";
import { claimDueDeliveries, fanOutEvents, recordAttempts, type ClaimedDelivery, type CompletedAttempt } from "./delivery-queue";
import { openPinsIn } from "../../reservations/sealed-pin";
import { childTraceparent } from "../../api/request-context";
import { OutboxListener } from "./outbox-listener";
import { requeueDeliveries } from "./requeue-deliveries";
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
  /** Hears the endpoints of each recorded batch that had a failed attempt (the app raises alerts from it). */
  onFailures?: (endpointIds: string[]) => void;
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

/** An endpoint that answered within this is sent to from a local queue (see `prefetch`). */
const FAST_MS = 250;
/** Rounds of an endpoint's cap leased ahead of its requests in flight, when it answers fast. */
const PREFETCH_ROUNDS = 2;
/** A queued delivery is sent only while its lease outlasts an attempt by this much (or half the lease's spare time, if less); else given back. */
const LEASE_MARGIN_MS = 1_000;
/** After a request finishes, the next claim waits this long to make a group, unless a slot would go idle. */
const CLAIM_LINGER_MS = 8;
/** Finished attempts wait up to this long to be written together with more. */
const RECORD_LINGER_MS = 5;

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
  private readonly onFailures: ((endpointIds: string[]) => void) | undefined;

  private running = false;
  private loop: Promise<void> | null = null;
  private inFlight = 0;
  private readonly sending = new Set<ClaimedDelivery>();
  private readonly inFlightByEndpoint = new Map<string, number>();
  /** Leased, not yet sent, per endpoint, earliest first; each with the end of its lease (clock ms). */
  private readonly queued = new Map<string, { delivery: ClaimedDelivery; leaseEnds: number }[]>();
  private queuedCount = 0;
  /** Endpoints whose last attempt answered within FAST_MS: only those have deliveries queued. */
  private readonly fastEndpoints = new Set<string>();
  private readonly prefetch: number;
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
    this.prefetch = this.endpointConcurrency * PREFETCH_ROUNDS;
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
    this.onFailures = options.onFailures;
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
    await this.giveBack(this.takeQueued(() => true));
    const deadline = Date.now() + graceMs;
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    if (this.inFlight > 0) {
      const unfinished = [...this.sending];
      await requeueDeliveries(this.pool, { leases: unfinished }).catch((error: unknown) =>
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
        const claimed = await this.claimAhead();
        this.dispatch();
        // Go on at once while there is work and a free slot; otherwise wait for a slot or the poll.
        busy = (busy || claimed > 0) && this.inFlight < this.concurrency && this.queuedCount === 0;
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

  private reportFailures(batch: CompletedAttempt[]): void {
    if (!this.onFailures) return;
    const failing = new Set(
      batch.filter((a) => a.result.status === null || a.result.status < 200 || a.result.status >= 300).map((a) => a.delivery.endpointId),
    );
    if (failing.size > 0) this.onFailures([...failing]);
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

  /**
   * Leases due deliveries into the local queues: for each endpoint up to its cap of requests in flight,
   * plus `prefetch` more for one that answers fast; at most twice `concurrency` held in all.
   */
  private async claimAhead(): Promise<number> {
    const limit = 2 * this.concurrency - this.inFlight - this.queuedCount;
    if (limit <= 0) return 0;
    // What each endpoint holds counts against its cap; a fast one's cap is raised by `prefetch`, shown
    // to the claim as that much less held (so an endpoint not seen yet gets its plain cap).
    const held = new Map<string, number>();
    for (const id of this.fastEndpoints) held.set(id, -this.prefetch);
    for (const [id, n] of this.inFlightByEndpoint) held.set(id, (held.get(id) ?? 0) + n);
    for (const [id, queue] of this.queued) held.set(id, (held.get(id) ?? 0) + queue.length);
    const now = this.clock();
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    const claimed = await claimDueDeliveries(this.pool, now, leaseUntil, limit, {
      perEndpoint: this.endpointConcurrency,
      inFlight: held,
    });
    const touched = new Set<{ delivery: ClaimedDelivery; leaseEnds: number }[]>();
    for (const delivery of claimed) {
      const queue = this.queued.get(delivery.endpointId) ?? [];
      queue.push({ delivery, leaseEnds: leaseUntil.getTime() });
      this.queued.set(delivery.endpointId, queue);
      touched.add(queue);
    }
    // Each endpoint's earliest first, also when a retry fell due before deliveries already queued.
    for (const queue of touched) queue.sort((a, b) => a.delivery.nextAttemptAt.getTime() - b.delivery.nextAttemptAt.getTime());
    this.queuedCount += claimed.length;
    return claimed.length;
  }

  /** Starts queued deliveries while there are free slots, each endpoint within its cap, earliest first. */
  private dispatch(): void {
    if (!this.running || this.queuedCount === 0) return;
    const margin = Math.min(LEASE_MARGIN_MS, (this.leaseMs - this.timeoutMs) / 2);
    const latestStart = this.clock().getTime() + this.timeoutMs + margin;
    const stale = this.takeQueued((entry) => entry.leaseEnds < latestStart);
    if (stale.length > 0) void this.giveBack(stale);
    for (const [endpointId, queue] of this.queued) {
      while (
        queue.length > 0 &&
        this.inFlight < this.concurrency &&
        (this.inFlightByEndpoint.get(endpointId) ?? 0) < this.endpointConcurrency
      ) {
        const { delivery } = queue.shift()!;
        this.queuedCount -= 1;
        void this.send(delivery);
      }
      if (queue.length === 0) this.queued.delete(endpointId);
      if (this.inFlight >= this.concurrency) break;
    }
  }

  /** Removes the queued deliveries that `which` picks and returns them. */
  private takeQueued(which: (entry: { delivery: ClaimedDelivery; leaseEnds: number }) => boolean): ClaimedDelivery[] {
    const taken: ClaimedDelivery[] = [];
    for (const [endpointId, queue] of this.queued) {
      const kept = queue.filter((entry) => !which(entry) || (taken.push(entry.delivery), false));
      if (kept.length > 0) this.queued.set(endpointId, kept);
      else this.queued.delete(endpointId);
    }
    this.queuedCount -= taken.length;
    return taken;
  }

  /** Hands leases back so another pass (or worker) sends those deliveries now. */
  private async giveBack(deliveries: ClaimedDelivery[]): Promise<void> {
    await requeueDeliveries(this.pool, { leases: deliveries }).catch((error: unknown) =>
      this.log(`could not release ${deliveries.length} lease(s): ${(error as Error).message}`),
    );
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
        // Door PINs are sealed at rest: opened for the receiver only, and recorded sealed with the attempt.
        const body = openPinsIn(delivery.payload, "clear");
        request.headers = requestHeaders(signedHeaders(activeSecrets(delivery, this.clock()), delivery.id, sentAt, body));
        // The receiver can follow the API request that caused the event: this attempt is a child span of it.
        if (delivery.traceparent) request.headers.traceparent = childTraceparent(delivery.traceparent);
        result = await sendAttempt(
          { ...request, body },
          { timeoutMs: this.timeoutMs, allowPrivate: this.allowPrivate, resolve: this.resolve },
        );
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
      if (result.status !== null && result.durationMs <= FAST_MS) this.fastEndpoints.add(delivery.endpointId);
      else this.fastEndpoints.delete(delivery.endpointId);
    } finally {
      this.inFlight -= 1;
      this.sending.delete(delivery);
      const left = (this.inFlightByEndpoint.get(delivery.endpointId) ?? 1) - 1;
      if (left > 0) this.inFlightByEndpoint.set(delivery.endpointId, left);
      else this.inFlightByEndpoint.delete(delivery.endpointId);
    }
    this.flushSoon();
    // A slot is free (overall and for this endpoint): the next queued delivery goes now, and a claim
    // follows soon, without waiting for the poll interval. Completions within 2 ms share one claim, or
    // within CLAIM_LINGER_MS while queued deliveries keep the slots busy meanwhile.
    this.dispatch();
    this.wakeTimer ??= setTimeout(
      () => {
        this.wakeTimer = null;
        // Not idle right now (a claim is running): the next idle() returns at once instead, so a slot
        // freed during a claim that found every slot full is not left unused for a whole poll interval.
        if (this.wake) this.wake();
        else this.wakeRequested = true;
      },
      this.queuedCount > 0 ? CLAIM_LINGER_MS : 2,
    );
  }

  private readonly retryScheduled = (at: Date) => {
    if (this.nextRetryAt === null || at.getTime() < this.nextRetryAt) this.nextRetryAt = at.getTime();
  };

  private flushSoon(): void {
    if (this.writing) return;
    this.writing = (async () => {
      // A few more finished attempts are likely within milliseconds: one statement writes them all.
      if (this.running && this.finished.length < 64) await new Promise((resolve) => setTimeout(resolve, RECORD_LINGER_MS));
      while (this.finished.length > 0) {
        const batch = this.finished.splice(0, 500);
        try {
          this.recorded += (await recordAttempts(this.pool, batch, this.random, this.retryScheduled)).length;
          this.reportFailures(batch);
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

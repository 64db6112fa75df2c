// Rate limits with no database round trip on the request path: local token leases.
//
// The shared token buckets stay in PostgreSQL ("RateLimitBucket"), but a process no longer spends one token
// per request there. It leases several at once (`leaseTokens`: one conditional statement granting
// LEAST(wanted, floor(tokens), dailyLimit − dayCount)) and spends them in memory. Requests that find the
// local stock empty wait for one lease, shared by all of them (wanted = waiting requests + a lease's worth);
// a background lease tops the stock up when it runs low, so steady traffic never waits. A request is refused
// without I/O when the last global state this process saw says no token can be there yet (its tokens plus
// the refill since < 1, or the day's cap reached): other instances only ever spend, so that prediction
// over-estimates and refusing on it is safe.
//
// Why this over one statement per request (`consumeRateLimits`, the design before), measured with
// `npm run bench` (2 rounds of 5 s, 10 connections, on a busy 2-core machine), authenticated GET
// /api/v1/properties over the bare route / with rate limiting over without:
//   per-request statement: PGlite 0.67 / 0.62, PostgreSQL 15 0.55 / 0.70
//   token leases:          PGlite 0.89 / 0.95, PostgreSQL 15 0.86 / 0.94
// With leases a request costs a Map lookup; the statements left are about one per half lease per subject.
//
// Promises, for N instances on one database:
// - exact on one instance: tokens are granted only from the shared bucket and spent only once;
// - no overshoot across instances: a token is granted to one instance only, so all instances together never
//   allow more than the bucket's burst + refill (and never more than the day's cap);
// - bounded undershoot: an instance holds at most one lease (`leaseSize`: rate × 250 ms, within [1, burst]) it
//   has not spent, so while others are refused at most (N − 1) × leaseSize tokens sit unused. Leases unspent
//   after 1 s idle are given back, and a subject's lease is given back when its limits change, so a limit
//   changed in the dashboard applies once the key cache (2 s) lets the new limits through.
import type pg from "pg";
import { getPool } from "../db/client";
import { onShutdown } from "../jobs/shutdown";
import { leaseTokens, limitState, type Lease, type Limit, type LimitState } from "./consume-rate-limit";

/** How many seconds of a subject's rate one lease covers. */
export const LEASE_SECONDS = 0.25;
/** Leased tokens unspent for this long go back to the shared bucket. */
export const IDLE_RETURN_MS = 1_000;
const SWEEP_MS = 500;
/** Subjects idle for this long with nothing leased are forgotten. */
const FORGET_MS = 60_000;

export const leaseSize = (limit: Limit) => Math.max(1, Math.min(Math.floor(limit.burst), Math.ceil(limit.rate * LEASE_SECONDS)));

interface Waiter {
  resolve: (allowed: boolean) => void;
  reject: (error: unknown) => void;
}

interface Subject {
  limit: Limit;
  /** Tokens leased to this process and not spent yet. */
  stock: number;
  /** The shared bucket as the last lease left it: its tokens, its day's count (our stock included), when. */
  tokens: number;
  dayCount: number;
  day: number;
  at: number;
  known: boolean;
  lastUsed: number;
  waiters: Waiter[];
  leasing: Promise<void> | null;
  /** Tokens being given back: the next lease waits for them, so the bucket never gets them back after a new grant. */
  returning: Promise<void> | null;
}

export interface TokenLeasesOptions {
  pool?: () => pg.Pool;
  now?: () => number;
}

const dayOf = (ms: number) => Math.floor(ms / 86_400_000);
const sameLimit = (a: Limit, b: Limit) => a.rate === b.rate && a.burst === b.burst && a.perDay === b.perDay;

export class TokenLeases {
  private readonly subjects = new Map<string, Subject>();
  private readonly pool: () => pg.Pool;
  private readonly clock: () => number;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(options: TokenLeasesOptions = {}) {
    this.pool = options.pool ?? getPool;
    this.clock = options.now ?? Date.now;
  }

  /** Spends one token of each limit, or none when one of them refuses; the state of each for the headers. */
  async consume(limits: Limit[]): Promise<LimitState[]> {
    const subjects = limits.map((limit) => this.subject(limit));
    const allowed = await Promise.all(subjects.map((s) => this.take(s)));
    const refused = allowed.includes(false);
    // A refusal by one limit spends nothing of the others: their tokens go back to the local stock.
    if (refused) for (const [i, s] of subjects.entries()) if (allowed[i]) s.stock += 1;
    const now = this.clock();
    return subjects.map((s, i) => this.state(s, !refused && allowed[i]!, now));
  }

  /** Gives every leased, unspent token back to the shared buckets (on shutdown, and in tests). */
  async returnLeases(idleFor = 0): Promise<void> {
    const now = this.clock();
    const idle = [...this.subjects.values()].filter((s) => s.stock > 0 && !s.leasing && now - s.lastUsed >= idleFor);
    await this.giveBack(idle);
    for (const [name, s] of this.subjects) if (s.stock === 0 && !s.leasing && now - s.lastUsed > FORGET_MS) this.subjects.delete(name);
  }

  /** Subjects this process holds leased tokens of, and how many: for tests and diagnostics. */
  leased(subject: string): number {
    return this.subjects.get(subject)?.stock ?? 0;
  }

  stop(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  private subject(limit: Limit): Subject {
    const now = this.clock();
    let s = this.subjects.get(limit.subject);
    if (!s) {
      s = {
        limit,
        stock: 0,
        tokens: 0,
        dayCount: 0,
        day: dayOf(now),
        at: now,
        known: false,
        lastUsed: now,
        waiters: [],
        leasing: null,
        returning: null,
      };
      this.subjects.set(limit.subject, s);
    } else if (!sameLimit(s.limit, limit)) {
      // New limits (changed in the dashboard): what was leased under the old ones goes back, the next lease uses the new.
      void this.giveBack([s]).catch(() => undefined); // leases wait for it
      s.limit = limit;
      s.known = false;
    }
    if (dayOf(now) !== s.day) {
      // Midnight UTC: yesterday's lease was counted against yesterday's cap, so it is not spent today.
      s.stock = 0;
      s.known = false;
      s.day = dayOf(now);
    }
    s.lastUsed = now;
    return s;
  }

  private async take(s: Subject): Promise<boolean> {
    if (s.stock >= 1 && s.waiters.length === 0) {
      s.stock -= 1;
      if (s.stock < leaseSize(s.limit) / 2 && !s.leasing && !this.surelyEmpty(s)) this.lease(s, 0);
      return true;
    }
    if (!s.leasing && this.surelyEmpty(s)) return false;
    return new Promise<boolean>((resolve, reject) => {
      s.waiters.push({ resolve, reject });
      if (!s.leasing) this.lease(s, 0);
    });
  }

  /** True when the last global state seen says no token can be in the shared bucket now: safe to refuse. */
  private surelyEmpty(s: Subject): boolean {
    if (!s.known) return false;
    return s.dayCount >= s.limit.perDay || this.predictedTokens(s, this.clock()) < 1;
  }

  private predictedTokens(s: Subject, now: number): number {
    return Math.min(s.limit.burst, s.tokens + (s.limit.rate * Math.max(0, now - s.at)) / 1000);
  }

  /** One statement for every request waiting now, plus a lease's worth in stock; the waiters get the tokens first. */
  private lease(s: Subject, attempt: number): void {
    s.leasing = (async () => {
      if (s.returning) await s.returning;
      const now = this.clock();
      // The stock never exceeds one lease beyond the requests served: the bound on an instance's unspent tokens.
      const wanted = s.waiters.length + Math.max(0, leaseSize(s.limit) - s.stock);
      const [lease] = await leaseTokens([{ limit: s.limit, wanted }], new Date(now), this.pool());
      this.granted(s, lease!, now, wanted, attempt);
    })().catch((error: unknown) => {
      s.leasing = null;
      for (const waiter of s.waiters.splice(0)) waiter.reject(error);
    });
  }

  private granted(s: Subject, lease: Lease, at: number, wanted: number, attempt: number): void {
    s.leasing = null;
    s.stock += lease.granted;
    Object.assign(s, { tokens: lease.tokens, dayCount: lease.dayCount, at, day: dayOf(at), known: true });
    while (s.stock >= 1 && s.waiters.length > 0) {
      s.stock -= 1;
      s.waiters.shift()!.resolve(true);
    }
    if (s.waiters.length === 0) {
      this.startSweeper();
      return;
    }
    // Requests still waiting arrived while the statement ran (it was granted all it wanted), or the bucket was
    // short: lease again unless the bucket is surely empty, then refuse them.
    if ((lease.granted >= wanted || !this.surelyEmpty(s)) && attempt < 10) this.lease(s, attempt + 1);
    else for (const waiter of s.waiters.splice(0)) waiter.resolve(false);
  }

  private async giveBack(subjects: Subject[]): Promise<void> {
    const giving = subjects.filter((s) => s.stock > 0);
    const back = giving.map((s) => ({ subject: s.limit.subject, tokens: s.stock, day: s.day }));
    if (back.length === 0) return;
    const returned = this.pool().query(
      `UPDATE "RateLimitBucket" b SET tokens = LEAST(b.burst, b.tokens + g.n),
         "dayCount" = CASE WHEN b.day = g.d THEN GREATEST(0, b."dayCount" - g.n::int) ELSE b."dayCount" END
       FROM unnest($1::text[], $2::float8[], $3::date[]) AS g(s, n, d) WHERE b.subject = g.s`,
      [back.map((b) => b.subject), back.map((b) => b.tokens), back.map((b) => new Date(b.day * 86_400_000).toISOString().slice(0, 10))],
    );
    const settled = returned.then(
      () => undefined,
      () => undefined,
    );
    for (const s of giving) Object.assign(s, { stock: 0, known: false, returning: settled });
    await returned;
  }

  private startSweeper(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      void this.returnLeases(IDLE_RETURN_MS).catch(() => undefined);
    }, SWEEP_MS);
    this.sweeper.unref();
  }

  /** The bucket as this process sees it: the global state from the last lease, refilled since, plus its own stock. */
  private state(s: Subject, allowed: boolean, now: number): LimitState {
    const tokens = s.known ? this.predictedTokens(s, now) + s.stock : s.stock;
    return limitState(s.limit, allowed, tokens, s.dayCount - s.stock, now);
  }
}

// On globalThis: every route bundle of the app spends from the same leases.
const globalForLeases = globalThis as unknown as { __pmsTokenLeases?: TokenLeases };

/** The process's limiter, over the app's pool and clock. */
export function tokenLeases(): TokenLeases {
  if (!globalForLeases.__pmsTokenLeases) {
    const leases = new TokenLeases();
    globalForLeases.__pmsTokenLeases = leases;
    onShutdown("rate-limit leases", () => leases.returnLeases());
  }
  return globalForLeases.__pmsTokenLeases;
}

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseSettings, getPool } from "../db/client";
import { consumeRateLimits, rateLimitHeaders, type Limit } from "./consume-rate-limit";
import { IDLE_RETURN_MS, leaseSize, TokenLeases } from "./token-leases";

const limit = (subject: string, overrides: Partial<Limit> = {}): Limit => ({ subject, rate: 5, burst: 10, perDay: 10_000, ...overrides });
const at = (ms: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, 0) + ms);

describe("consumeRateLimits", () => {
  it("lets a burst of 10 through out of 30 sent at once, then refills 5 per second", async () => {
    const results = [];
    for (let i = 0; i < 30; i++) results.push((await consumeRateLimits([limit("key:a")], at(i)))[0]!);
    expect(results.map((r) => r.allowed)).toEqual([...Array(10).fill(true), ...Array(20).fill(false)]);
    const refused = results[10]!;
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    expect(rateLimitHeaders(refused, at(10))["Retry-After"]).toBe(String(refused.retryAfter));
    const later = [];
    for (let i = 0; i < 7; i++) later.push((await consumeRateLimits([limit("key:a")], at(1029)))[0]!.allowed);
    expect(later.filter(Boolean)).toHaveLength(5); // one second later: 5 new tokens
  });

  it("caps the day and starts over at midnight UTC", async () => {
    const daily = limit("key:daily", { perDay: 3, burst: 100, rate: 100 });
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await consumeRateLimits([daily], at(i * 1000)))[0]!);
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfter).toBe(12 * 3600 - 3); // from 12:00:03 UTC to midnight
    expect(rateLimitHeaders(results[3]!, at(3000))["X-RateLimit-Remaining"]).toBe("0");
    expect((await consumeRateLimits([daily], at(12 * 3600_000 + 1)))[0]!.allowed).toBe(true);
  });

  it("keeps one budget across two limiter instances with their own connections", async () => {
    const other = new pg.Pool({ connectionString: databaseSettings().url, max: 1 });
    try {
      const now = at(0);
      const attempts = Array.from({ length: 30 }, (_, i) => consumeRateLimits([limit("key:shared")], now, i % 2 === 0 ? undefined : other));
      const allowed = (await Promise.all(attempts)).filter((r) => r[0]!.allowed);
      expect(allowed).toHaveLength(10);
    } finally {
      await other.end();
    }
  });

  it("answers every subject of one call, each with its own limits", async () => {
    const [key, partner] = await consumeRateLimits([limit("key:b", { burst: 1 }), limit("partner:p", { burst: 3 })], at(0));
    expect([key!.allowed, partner!.allowed, key!.remaining, partner!.remaining]).toEqual([true, true, 0, 2]);
    const [key2, partner2] = await consumeRateLimits([limit("key:b", { burst: 1 }), limit("partner:p", { burst: 3 })], at(10));
    expect([key2!.allowed, partner2!.allowed]).toEqual([false, true]);
    const headers = rateLimitHeaders(partner2!, at(10));
    expect(headers["RateLimit-Policy"]).toBe('"burst";q=3;w=1, "daily";q=10000;w=86400');
    expect(headers.RateLimit).toMatch(/^"burst";r=1;t=\d+, "daily";r=9998;t=\d+$/);
  });
});

/** A pool that counts the statements sent through it: a real database, only counted. */
function countingPool(pool: pg.Pool) {
  const counted = { queries: 0, pool };
  counted.pool = new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop !== "query") return Reflect.get(target, prop, receiver) as unknown;
      return (text: string, values?: unknown[]) => {
        counted.queries += 1;
        return target.query(text, values);
      };
    },
  });
  return counted;
}

const limiters: TokenLeases[] = [];
afterAll(() => limiters.forEach((l) => l.stop())); // no idle sweep after the database is gone

/** A limiter over the test database with a clock the test moves. */
function limiter(pool: pg.Pool = getPool()) {
  const clock = { now: at(0).getTime() };
  const leases = new TokenLeases({ pool: () => pool, now: () => clock.now });
  limiters.push(leases);
  return { leases, clock };
}

const bucket = async (subject: string) =>
  (
    await getPool().query<{ tokens: number; dayCount: number }>(`SELECT tokens, "dayCount" FROM "RateLimitBucket" WHERE subject = $1`, [
      subject,
    ])
  ).rows[0]!;

describe("token leases", () => {
  it("lets exactly 10 of 30 simultaneous requests through on one instance, then exactly 1 a second later", async () => {
    const { leases, clock } = limiter();
    const tight = limit("lease:one", { rate: 1, burst: 10 });
    const first = await Promise.all(Array.from({ length: 30 }, () => leases.consume([tight])));
    expect(first.filter(([s]) => s!.allowed)).toHaveLength(10);
    const refused = first.find(([s]) => !s!.allowed)![0]!;
    const headers = rateLimitHeaders(refused, at(0));
    expect(headers["RateLimit-Policy"]).toBe('"burst";q=10;w=10, "daily";q=10000;w=86400');
    expect(headers.RateLimit).toBe('"burst";r=0;t=10, "daily";r=9990;t=43200');
    expect([headers["X-RateLimit-Limit"], headers["X-RateLimit-Remaining"], headers["Retry-After"]]).toEqual(["10", "0", "1"]);

    clock.now += 1000;
    const later = await Promise.all(Array.from({ length: 5 }, () => leases.consume([tight])));
    expect(later.filter(([s]) => s!.allowed)).toHaveLength(1);
    expect((await leases.consume([tight]))[0]!.allowed).toBe(false);
  });

  it("holds the day's cap exactly and starts over at midnight UTC", async () => {
    const { leases, clock } = limiter();
    const daily = limit("lease:daily", { perDay: 3, burst: 100, rate: 100 });
    const results = await Promise.all(Array.from({ length: 10 }, () => leases.consume([daily])));
    expect(results.filter(([s]) => s!.allowed)).toHaveLength(3);
    clock.now += 3000;
    const [refused] = await leases.consume([daily]);
    expect(refused!.retryAfter).toBe(12 * 3600 - 3); // from 12:00:03 UTC to midnight
    expect(rateLimitHeaders(refused!, new Date(clock.now))["X-RateLimit-Remaining"]).toBe("0");
    clock.now = at(12 * 3600_000 + 1).getTime();
    const nextDay = await Promise.all(Array.from({ length: 5 }, () => leases.consume([daily])));
    expect(nextDay.filter(([s]) => s!.allowed)).toHaveLength(3);
  });

  it("never overshoots across two instances, and leaves at most one lease each unspent", async () => {
    for (const [subject, overrides] of [
      ["lease:two-small", { rate: 1, burst: 10 }],
      ["lease:two-large", { rate: 40, burst: 50 }],
    ] as const) {
      const other = new pg.Pool({ connectionString: databaseSettings().url, max: 1 });
      try {
        const a = limiter();
        const b = limiter(other);
        const shared = limit(subject, overrides);
        const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? a : b).leases.consume([shared])));
        const allowed = answers.filter(([s]) => s!.allowed).length;
        expect(allowed).toBeLessThanOrEqual(shared.burst);
        expect(allowed).toBeGreaterThanOrEqual(shared.burst - 2 * leaseSize(shared));
        // Tokens are conserved: once both give back what they did not spend, the bucket holds exactly the rest.
        await Promise.all([a.leases.returnLeases(), b.leases.returnLeases()]);
        const row = await bucket(subject);
        expect([Number(row.tokens), row.dayCount]).toEqual([shared.burst - allowed, allowed]);
      } finally {
        await other.end();
      }
    }
  });

  it("decides requests from its lease with no round trip once warm", async () => {
    const counted = countingPool(getPool());
    const { leases, clock } = limiter(counted.pool);
    const steady = limit("lease:hot", { rate: 100, burst: 200 });
    expect((await leases.consume([steady]))[0]!.allowed).toBe(true); // the first lease
    expect(counted.queries).toBe(1);
    const stock = leases.leased("lease:hot");
    expect(stock).toBe(leaseSize(steady)); // 25: a quarter second at 100/s
    for (let i = 0; i < Math.floor(stock / 2); i++) expect((await leases.consume([steady]))[0]!.allowed).toBe(true);
    expect(counted.queries).toBe(1);

    // Steady traffic at the full rate: every request allowed, about one statement per half lease, none waited for.
    for (let i = 0; i < 1000; i++) {
      clock.now += 10;
      expect((await leases.consume([steady]))[0]!.allowed).toBe(true);
    }
    expect(counted.queries).toBeLessThanOrEqual(1 + Math.ceil(1000 / (leaseSize(steady) / 2)) + 1);
  });

  it("gives an idle lease back to the shared bucket after a second", async () => {
    const { leases, clock } = limiter();
    const idle = limit("lease:idle", { rate: 100, burst: 100 });
    expect((await leases.consume([idle]))[0]!.allowed).toBe(true);
    expect(leases.leased("lease:idle")).toBe(leaseSize(idle));
    clock.now += IDLE_RETURN_MS - 1;
    await leases.returnLeases(IDLE_RETURN_MS);
    expect(leases.leased("lease:idle")).toBe(leaseSize(idle)); // not idle long enough
    clock.now += 1;
    await leases.returnLeases(IDLE_RETURN_MS);
    expect(leases.leased("lease:idle")).toBe(0);
    const row = await bucket("lease:idle");
    expect([Number(row.tokens), row.dayCount]).toEqual([99, 1]); // only the one spent is gone
  });

  it("applies changed limits at once: what was leased under the old ones goes back", async () => {
    const { leases } = limiter();
    const generous = limit("lease:changed", { rate: 100, burst: 100 });
    expect((await leases.consume([generous]))[0]!.allowed).toBe(true);
    expect(leases.leased("lease:changed")).toBeGreaterThan(1);
    const strict = limit("lease:changed", { rate: 0.001, burst: 2 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => leases.consume([strict])));
    expect(answers.filter(([s]) => s!.allowed)).toHaveLength(2);
  });

  it("spends nothing of a limit when another limit of the same request refuses", async () => {
    const { leases } = limiter();
    const key = limit("lease:key", { rate: 1, burst: 5 });
    const partner = limit("lease:partner", { rate: 1, burst: 2 });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await leases.consume([key, partner])).map((s) => s.allowed));
    expect(answers).toEqual([
      [true, true],
      [true, true],
      [false, false],
      [false, false],
    ]);
    const alone = await Promise.all(Array.from({ length: 5 }, () => leases.consume([key])));
    expect(alone.filter(([s]) => s!.allowed)).toHaveLength(3); // 5 − the 2 spent with the partner
  });
});

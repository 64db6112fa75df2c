import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseSettings } from "../db/client";
import { consumeRateLimits, rateLimitHeaders, type Limit } from "./consume-rate-limit";

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

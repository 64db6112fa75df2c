import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createUser } from "../../test/fixtures";
import { signIn } from "./sign-in";
import { backoffSeconds, FREE_ACCOUNT_FAILURES, FREE_IP_FAILURES, signInRetryAfter, tooManyAttemptsMessage } from "./sign-in-throttle";

const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);
const client = (ip: string | null = null) => ({ userAgent: "vitest", ip });
const SPRAYING_IP = "203.0.113.9";

describe("backoffSeconds", () => {
  it("gives five free tries, then doubles from a minute up to an hour", () => {
    expect([0, 1, 4].map((n) => backoffSeconds(n, FREE_ACCOUNT_FAILURES))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 10, 11, 30].map((n) => backoffSeconds(n, FREE_ACCOUNT_FAILURES))).toEqual([60, 120, 240, 480, 1920, 3600, 3600]);
  });
});

describe("sign-in throttling (clock injected)", () => {
  it("throttles an account after five wrong passwords, even against the right one, with growing delays", async () => {
    const user = await createUser({ password: "right-password" });
    const start = new Date("2030-01-01T10:00:00Z");
    for (let i = 0; i < FREE_ACCOUNT_FAILURES; i++) {
      expect(await signIn({ email: user.email, password: `wrong-${i}` }, client(), at(start, i))).toEqual({ ok: false, reason: "invalid" });
    }
    // The sixth try, right password or not, waits a minute.
    const throttled = await signIn({ email: user.email, password: "right-password" }, client(), at(start, 10));
    expect(throttled).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 54 });
    expect(tooManyAttemptsMessage(54)).toBe("Too many attempts, try again in 1 minute.");

    // A minute after the fifth failure one more try is allowed; failing it doubles the wait.
    expect(await signIn({ email: user.email, password: "wrong-again" }, client(), at(start, 65))).toEqual({ ok: false, reason: "invalid" });
    expect(await signInRetryAfter({ email: user.email, ip: null }, at(start, 66))).toBe(119);
    expect(tooManyAttemptsMessage(119)).toBe("Too many attempts, try again in 2 minutes.");

    // Once the wait is over the right password works, and clears the count.
    const later = at(start, 65 + 121);
    expect(await signIn({ email: user.email, password: "right-password" }, client(), later)).toMatchObject({ ok: true });
    expect(await signInRetryAfter({ email: user.email, ip: null }, later)).toBe(0);
    expect(await db.signInThrottle.count({ where: { key: `account:${user.email}` } })).toBe(0);
  });

  it("treats an unknown email exactly like a known one, so the answer reveals nothing", async () => {
    const start = new Date("2030-01-02T10:00:00Z");
    const known = await createUser({ password: "right-password" });
    const unknown = `nobody-${Date.now()}@example.com`;
    const answers = async (email: string) => {
      const out = [];
      for (let i = 0; i < FREE_ACCOUNT_FAILURES + 2; i++) out.push(await signIn({ email, password: "wrong" }, client(), at(start, i)));
      return out;
    };
    expect(await answers(unknown)).toEqual(await answers(known.email));
  });

  it("counts failures per account case-insensitively and forgets them a day after the last", async () => {
    const user = await createUser({ password: "right-password" });
    const start = new Date("2030-01-03T10:00:00Z");
    for (let i = 0; i < FREE_ACCOUNT_FAILURES; i++) {
      const email = i % 2 ? user.email.toUpperCase() : user.email;
      await signIn({ email, password: "wrong" }, client(), at(start, i));
    }
    expect(await signInRetryAfter({ email: user.email, ip: null }, at(start, 5))).toBeGreaterThan(0);
    const nextDay = at(start, 24 * 60 * 60 + 10);
    expect(await signInRetryAfter({ email: user.email, ip: null }, nextDay)).toBe(0);
    // The count starts over: one failure is one of five free again.
    await signIn({ email: user.email, password: "wrong" }, client(), nextDay);
    expect(await signInRetryAfter({ email: user.email, ip: null }, at(nextDay, 1))).toBe(0);
  });

  it("throttles one client IP spraying many accounts after twenty failures, not other addresses", async () => {
    const ip = SPRAYING_IP;
    const start = new Date("2030-01-04T10:00:00Z");
    for (let i = 0; i < FREE_IP_FAILURES; i++) {
      await signIn({ email: `spray-${i}-${Date.now()}@example.com`, password: "wrong" }, client(ip), at(start, i));
    }
    const user = await createUser({ password: "right-password" });
    expect(await signIn({ email: user.email, password: "right-password" }, client(ip), at(start, 30))).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(await signIn({ email: user.email, password: "right-password" }, client("198.51.100.7"), at(start, 30))).toMatchObject({
      ok: true,
    });
  });

  it("lets no more than five of a concurrent burst through: each try is counted before the password is checked", async () => {
    const user = await createUser({ password: "right-password" });
    const now = new Date("2030-01-05T10:00:00Z");
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn({ email: user.email, password: i === 11 ? "right-password" : "wrong" }, client(), now)),
    );
    expect(outcomes.filter((o) => !o.ok && o.reason === "invalid").length + outcomes.filter((o) => o.ok).length).toBe(
      FREE_ACCOUNT_FAILURES,
    );
    expect(outcomes.filter((o) => !o.ok && o.reason === "throttled")).toHaveLength(12 - FREE_ACCOUNT_FAILURES);
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { key: `account:${user.email}` } })).failures).toBeLessThanOrEqual(
      FREE_ACCOUNT_FAILURES,
    );
  });

  it("gives the try back when the password was right and the code is asked next, and on success", async () => {
    const user = await createUser({ password: "right-password" });
    const ip = "198.51.100.20";
    await db.user.update({ where: { id: user.id }, data: { twoFactorSecret: "unused", twoFactorEnabledAt: new Date() } });
    const now = new Date("2030-01-07T10:00:00Z");
    for (let i = 0; i < 10; i++) {
      expect(await signIn({ email: user.email, password: "right-password" }, client(ip), at(now, i))).toEqual({
        ok: false,
        reason: "two_factor_required",
      });
    }
    const rows = await db.signInThrottle.findMany({ where: { key: { in: [`account:${user.email}`, `ip:${ip}`] } } });
    expect(rows.map((r) => r.failures)).toEqual([0, 0]);
  });

  it("audits failures, throttled tries and the sign-in", async () => {
    const user = await createUser({ password: "right-password" });
    const start = new Date("2030-01-06T10:00:00Z");
    for (let i = 0; i < FREE_ACCOUNT_FAILURES + 1; i++) await signIn({ email: user.email, password: "wrong" }, client(), at(start, i));
    await signIn({ email: user.email, password: "right-password" }, client(), at(start, 3600));
    const actions = await db.auditEvent.findMany({
      where: { targetType: "user", OR: [{ targetId: user.id }, { actorLabel: user.email }] },
    });
    const count = (action: string) => actions.filter((a) => a.action === action).length;
    expect([count("user.sign_in_failed"), count("user.sign_in_throttled"), count("user.signed_in")]).toEqual([5, 1, 1]);
    expect(actions.every((a) => a.propertyId === null)).toBe(true);
  });
});

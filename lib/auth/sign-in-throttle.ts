import "server-only";
// Sign-in tries, counted per account (the email as typed, known or not, so the answer never reveals
// whether an account exists) and per client IP, in PostgreSQL so every app instance agrees. Five free
// tries per account (twenty per IP: a hotel's front desk shares one address), then each further try waits
// twice as long as the last: 1, 2, 4 … minutes, at most an hour. Counts start over a day after the last
// failure, and a successful sign-in clears the account's count.
import { db } from "../db/client";

export const FREE_ACCOUNT_FAILURES = 5;
export const FREE_IP_FAILURES = 20;
const FIRST_DELAY_SECONDS = 60;
const MAX_DELAY_SECONDS = 60 * 60;
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export interface ThrottleKeys {
  email: string;
  ip: string | null;
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

/** Seconds to wait after `failures` failures, given `free` free ones. */
export function backoffSeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(FIRST_DELAY_SECONDS * 2 ** (failures - free), MAX_DELAY_SECONDS);
}

function keysOf({ email, ip }: ThrottleKeys): { key: string; free: number }[] {
  // An unknown address (no trusted proxy) is not a bucket: every client would share it and one
  // attacker could lock everyone out. The per-account limit still holds.
  return [{ key: accountKey(email), free: FREE_ACCOUNT_FAILURES }, ...(ip ? [{ key: ipKey(ip), free: FREE_IP_FAILURES }] : [])];
}

/** Seconds until another try is allowed for these keys, or 0 when one is allowed now. */
export async function signInRetryAfter(keys: ThrottleKeys, now = new Date()): Promise<number> {
  const wanted = keysOf(keys);
  const rows = await db.signInThrottle.findMany({ where: { key: { in: wanted.map((k) => k.key) } } });
  let wait = 0;
  for (const row of rows) {
    if (now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_MS) continue;
    const free = wanted.find((k) => k.key === row.key)?.free ?? FREE_ACCOUNT_FAILURES;
    const until = row.lastFailureAt.getTime() + backoffSeconds(row.failures, free) * 1000;
    wait = Math.max(wait, Math.ceil((until - now.getTime()) / 1000));
  }
  return wait;
}

/**
 * Takes one try for these keys, counted as a failure before the password is even checked: a burst of
 * concurrent requests cannot all slip through between a check and a count. One statement per key
 * counts the try only if the key is not waiting out a delay (rows lock, so concurrent tries queue).
 * Returns 0 when the try is taken, else the seconds to wait (and nothing is counted).
 * Settle it with `settleSignInAttempt`: success and "the password was right, now the code" give it back.
 */
export async function takeSignInAttempt(keys: ThrottleKeys, now = new Date()): Promise<number> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  const taken: string[] = [];
  for (const { key, free } of keysOf(keys)) {
    const counted = await db.$queryRaw<{ failures: number }[]>`
      INSERT INTO "SignInThrottle" ("key", "failures", "lastFailureAt") VALUES (${key}, 1, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."lastFailureAt" < ${forgetBefore} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
        "lastFailureAt" = ${now}
      WHERE "SignInThrottle"."lastFailureAt" < ${forgetBefore}
         OR "SignInThrottle"."failures" < ${free}
         OR "SignInThrottle"."lastFailureAt" + make_interval(secs => LEAST(
              ${FIRST_DELAY_SECONDS}::float8 * power(2, LEAST("SignInThrottle"."failures" - ${free}, 16)), ${MAX_DELAY_SECONDS}::float8
            )) <= ${now}
      RETURNING "failures"`;
    if (counted.length === 0) {
      await giveBack(taken);
      return Math.max(1, await signInRetryAfter(keys, now));
    }
    taken.push(key);
  }
  return 0;
}

async function giveBack(keys: string[]): Promise<void> {
  if (keys.length > 0)
    await db.$executeRaw`UPDATE "SignInThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = ANY(${keys})`;
}

/**
 * After a taken try: "failure" leaves it counted; "success" clears the account's count and gives the
 * address its try back; "refund" gives both back (the password was right and the code is asked next).
 */
export async function settleSignInAttempt(keys: ThrottleKeys, outcome: "failure" | "success" | "refund"): Promise<void> {
  if (outcome === "failure") return;
  if (outcome === "success") await db.signInThrottle.deleteMany({ where: { key: accountKey(keys.email) } });
  await giveBack(keysOf(keys).flatMap(({ key }) => (outcome === "success" && key === accountKey(keys.email) ? [] : [key])));
}

export { tooManyAttemptsMessage } from "./sign-in-errors";

import { describe, expect, it } from "vitest";
import { createUser } from "../../test/fixtures";
import { db } from "../db/client";
import { purgeEndedSessions, purgeStaleSignInCounts } from "./purge-auth-records";
import { startUserSession } from "./user-sessions";

const HOUR = 3600_000;
const client = { userAgent: "vitest", ip: null };

describe("purging what sign-in leaves behind", () => {
  it("removes sessions a day after they expired or were signed out, and keeps live and recently ended ones", async () => {
    const user = await createUser();
    const now = new Date();
    const live = await startUserSession(user.id, client, now);
    await startUserSession(user.id, client, new Date(now.getTime() - 40 * HOUR));
    const expiredRecently = await startUserSession(user.id, client, new Date(now.getTime() - 13 * HOUR));
    const signedOutLongAgo = await startUserSession(user.id, client, now);
    const signedOutRecently = await startUserSession(user.id, client, now);
    await db.userSession.update({ where: { id: signedOutLongAgo.id }, data: { revokedAt: new Date(now.getTime() - 25 * HOUR) } });
    await db.userSession.update({ where: { id: signedOutRecently.id }, data: { revokedAt: new Date(now.getTime() - HOUR) } });

    expect(await purgeEndedSessions(now, 1)).toBeGreaterThanOrEqual(2);
    const left = await db.userSession.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(left.map((s) => s.id).sort()).toEqual([live.id, expiredRecently.id, signedOutRecently.id].sort());
  });

  it("removes sign-in counts a day after their last failure", async () => {
    const now = new Date();
    const tag = Math.random().toString(36).slice(2);
    await db.signInThrottle.createMany({
      data: [
        { key: `account:old-${tag}@example.com`, failures: 7, lastFailureAt: new Date(now.getTime() - 25 * HOUR) },
        { key: `account:new-${tag}@example.com`, failures: 7, lastFailureAt: new Date(now.getTime() - 23 * HOUR) },
      ],
    });
    await purgeStaleSignInCounts(now);
    const left = await db.signInThrottle.findMany({ where: { key: { contains: tag } }, select: { key: true } });
    expect(left.map((r) => r.key)).toEqual([`account:new-${tag}@example.com`]);
  });
});

import bcrypt from "bcryptjs";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { seal } from "../crypto/seal";
import { AppError } from "../errors/app-error";
import { createUser } from "../../test/fixtures";
import { endSessionOfToken } from "./end-session";
import { signIn } from "./sign-in";
import { confirmIdentity, isRecentlyAuthenticated, sudoWindowMs } from "./sudo";
import { hashRecoveryCode, newTwoFactorSecret } from "./two-factor";
import { findLiveSession, revokeOtherUserSessions, revokeUserSession, SESSION_MAX_AGE_SECONDS, startUserSession } from "./user-sessions";

const client = { userAgent: "vitest", ip: null };

async function userWithTwoFactor(password = "right-password") {
  const secret = newTwoFactorSecret();
  const user = await createUser({ password });
  await db.user.update({ where: { id: user.id }, data: { twoFactorSecret: seal(secret), twoFactorEnabledAt: new Date() } });
  await db.recoveryCode.create({ data: { userId: user.id, codeHash: hashRecoveryCode("abcde-fghjk") } });
  return { user, secret };
}

describe("server-side sessions", () => {
  it("a session ends on its very next lookup once signed out, revoked or expired", async () => {
    const user = await createUser();
    const now = new Date();
    const a = await startUserSession(user.id, client, now);
    const b = await startUserSession(user.id, client, now);
    const c = await startUserSession(user.id, client, now);
    expect(await findLiveSession(a.id, now)).toMatchObject({ id: a.id, user: { id: user.id } });

    await endSessionOfToken({ sid: a.id, sub: user.id });
    expect(await findLiveSession(a.id)).toBeNull();
    // A token naming someone else's session ends nothing.
    const other = await createUser();
    await endSessionOfToken({ sid: b.id, sub: other.id });
    expect(await findLiveSession(b.id)).not.toBeNull();

    expect(await revokeOtherUserSessions(user.id, c.id)).toBe(1);
    expect(await findLiveSession(b.id)).toBeNull();
    expect(await findLiveSession(c.id)).not.toBeNull();
    expect(await findLiveSession(c.id, new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000))).toBeNull();
    expect(await revokeUserSession(other.id, c.id)).toBe(false);
    expect(await findLiveSession("no-such-session")).toBeNull();
  });

  it("records the sign-out as an audit event of the user", async () => {
    const user = await createUser();
    const session = await startUserSession(user.id, client);
    await endSessionOfToken({ sid: session.id, sub: user.id });
    const events = await db.auditEvent.findMany({ where: { targetType: "user_session", targetId: session.id } });
    expect(events.map((e) => [e.action, e.actorId, e.propertyId])).toEqual([["user.signed_out", user.id, null]]);
  });
});

describe("sign-in with two factors", () => {
  it("asks for the code after the right password, refuses a wrong code like a wrong password, accepts a code once", async () => {
    const { user, secret } = await userWithTwoFactor();
    expect(await signIn({ email: user.email, password: "right-password" }, client)).toEqual({ ok: false, reason: "two_factor_required" });
    expect(await signIn({ email: user.email, password: "wrong", code: "123456" }, client)).toEqual({ ok: false, reason: "invalid" });
    const code = await generate({ secret });
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await signIn({ email: user.email, password: "right-password", code: wrong }, client)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn({ email: user.email, password: "right-password", code }, client)).toMatchObject({ ok: true });
    // The same code again is a replay.
    expect(await signIn({ email: user.email, password: "right-password", code }, client)).toEqual({ ok: false, reason: "invalid" });
  });

  it("accepts a recovery code once, typed in any case, with or without the dash", async () => {
    const { user } = await userWithTwoFactor();
    expect(await signIn({ email: user.email, password: "right-password", code: "ABCDEFGHJK" }, client)).toMatchObject({ ok: true });
    expect(await signIn({ email: user.email, password: "right-password", code: "abcde-fghjk" }, client)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await db.recoveryCode.findFirstOrThrow({ where: { userId: user.id } })).usedAt).not.toBeNull();
  });
});

describe("sudo mode", () => {
  it("is open for ten minutes after the password was entered, then closed", () => {
    const at = new Date("2030-01-01T10:00:00Z");
    expect(sudoWindowMs()).toBe(10 * 60 * 1000);
    expect(isRecentlyAuthenticated({ reauthenticatedAt: at }, new Date(at.getTime() + sudoWindowMs()))).toBe(true);
    expect(isRecentlyAuthenticated({ reauthenticatedAt: at }, new Date(at.getTime() + sudoWindowMs() + 1))).toBe(false);
  });

  it("reopens with the password or a code, refuses wrong ones and counts them as failed sign-ins", async () => {
    const { user, secret } = await userWithTwoFactor();
    const signedInAt = new Date(Date.now() - 60 * 60 * 1000);
    const session = await startUserSession(user.id, client, signedInAt);
    const now = new Date();
    expect(isRecentlyAuthenticated(session, now)).toBe(false);

    await expect(confirmIdentity(session, { password: "wrong" }, client, now)).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
    await expect(confirmIdentity(session, { code: "000000" }, client, now)).rejects.toBeInstanceOf(AppError);
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { key: `account:${user.email}` } })).failures).toBe(2);
    expect(isRecentlyAuthenticated(await db.userSession.findUniqueOrThrow({ where: { id: session.id } }), now)).toBe(false);

    await confirmIdentity(session, { password: "right-password" }, client, now);
    expect(isRecentlyAuthenticated(await db.userSession.findUniqueOrThrow({ where: { id: session.id } }), now)).toBe(true);

    const other = await startUserSession(user.id, client, signedInAt);
    await confirmIdentity(other, { code: await generate({ secret }) }, client, now);
    expect(isRecentlyAuthenticated(await db.userSession.findUniqueOrThrow({ where: { id: other.id } }), now)).toBe(true);
    const audited = await db.auditEvent.findMany({ where: { targetId: user.id, action: { startsWith: "user.sudo_" } } });
    expect(audited.map((e) => e.action).sort()).toEqual([
      "user.sudo_confirmed",
      "user.sudo_confirmed",
      "user.sudo_failed",
      "user.sudo_failed",
    ]);
  });

  it("refuses to confirm while the account is throttled", async () => {
    const user = await createUser({ password: "right-password" });
    const session = await startUserSession(user.id, client);
    const now = new Date();
    for (let i = 0; i < 5; i++) await expect(confirmIdentity(session, { password: "wrong" }, client, now)).rejects.toBeInstanceOf(AppError);
    await expect(confirmIdentity(session, { password: "right-password" }, client, now)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await bcrypt.compare("right-password", user.passwordHash)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { createUser } from "../../test/fixtures";
import { userActor } from "../audit/record-audit-event";
import { endSessionOfToken } from "../auth/end-session";
import { signIn } from "../auth/sign-in";
import { findLiveSession, startUserSession } from "../auth/user-sessions";
import { db } from "../db/client";
import { deviceLabel } from "./device-label";
import { listAccountSessions } from "./list-account-sessions";
import { listSecurityActivity } from "./list-security-activity";
import { signOutOtherSessions } from "./sign-out-other-sessions";
import { signOutSession } from "./sign-out-session";

const CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const FIREFOX_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0";

async function userWithDevices() {
  const user = await createUser();
  const laptop = await startUserSession(user.id, { userAgent: CHROME_LINUX, ip: "203.0.113.7" });
  const phone = await startUserSession(user.id, { userAgent: SAFARI_IPHONE, ip: null });
  const change = { userId: user.id, sessionId: laptop.id, actor: userActor(user), client: { userAgent: CHROME_LINUX, ip: "203.0.113.7" } };
  return { user, laptop, phone, change };
}

describe("deviceLabel", () => {
  it("names browser and device as a person would, and admits when it cannot tell", () => {
    expect(deviceLabel(CHROME_LINUX)).toBe("Chrome on Linux");
    expect(deviceLabel(SAFARI_IPHONE)).toBe("Safari on iPhone");
    expect(deviceLabel(FIREFOX_MAC)).toBe("Firefox on macOS");
    for (const unknown of ["", "   ", null, "curl/8.5.0"]) expect(deviceLabel(unknown)).toBe("Unknown device");
  });
});

describe("listAccountSessions", () => {
  it("lists the user's live sessions only, this device first", async () => {
    const { user, laptop, phone } = await userWithDevices();
    const ended = await startUserSession(user.id, { userAgent: FIREFOX_MAC, ip: null });
    await db.userSession.update({ where: { id: ended.id }, data: { revokedAt: new Date() } });
    await startUserSession((await createUser()).id, { userAgent: FIREFOX_MAC, ip: null });

    const sessions = await listAccountSessions(user.id, phone.id);
    expect(sessions.map(({ id, device, ip, current }) => ({ id, device, ip, current }))).toEqual([
      { id: phone.id, device: "Safari on iPhone", ip: null, current: true },
      { id: laptop.id, device: "Chrome on Linux", ip: "203.0.113.7", current: false },
    ]);
  });
});

describe("signing out sessions", () => {
  it("ends one other session of the user, audited, and nobody else's", async () => {
    const { laptop, phone, change } = await userWithDevices();
    const stranger = await startUserSession((await createUser()).id, { userAgent: FIREFOX_MAC, ip: null });

    await expect(signOutSession(change, stranger.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await findLiveSession(stranger.id)).not.toBeNull();
    await expect(signOutSession(change, laptop.id)).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await findLiveSession(laptop.id)).not.toBeNull();

    await signOutSession(change, phone.id);
    expect(await findLiveSession(phone.id)).toBeNull();
    expect(await findLiveSession(laptop.id)).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.session_revoked", targetType: "user_session", targetId: phone.id } })).toBe(
      1,
    );
    await expect(signOutSession(change, phone.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("'all other sessions' keeps only this one and records how many ended", async () => {
    const { user, laptop, phone, change } = await userWithDevices();
    const tablet = await startUserSession(user.id, { userAgent: FIREFOX_MAC, ip: null });
    expect(await signOutOtherSessions(change)).toBe(2);
    expect(await findLiveSession(phone.id)).toBeNull();
    expect(await findLiveSession(tablet.id)).toBeNull();
    expect(await findLiveSession(laptop.id)).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.other_sessions_revoked", targetId: user.id } });
    expect(audit.metadata).toMatchObject({ count: 2, ip: "203.0.113.7" });
  });
});

describe("listSecurityActivity", () => {
  it("shows the account's sign-ins, failures, sign-outs and changes, newest first, and nothing of other accounts", async () => {
    const user = await createUser({ password: "correct horse" });
    const other = await createUser({ password: "correct horse" });
    const client = { userAgent: CHROME_LINUX, ip: null };
    await signIn({ email: user.email, password: "wrong" }, client);
    const outcome = await signIn({ email: user.email, password: "correct horse" }, client);
    if (!outcome.ok) throw new Error("sign-in failed");
    await endSessionOfToken({ sid: outcome.sessionId, sub: user.id });
    await signIn({ email: other.email, password: "wrong" }, client);

    const activity = await listSecurityActivity(user.id);
    expect(activity.map(({ label, warning, device }) => ({ label, warning, device }))).toEqual([
      { label: "Signed out", warning: false, device: null },
      { label: "Signed in", warning: false, device: "Chrome on Linux" },
      { label: "Failed sign-in attempt: wrong password", warning: true, device: "Chrome on Linux" },
    ]);
  });

  it("keeps to the latest 20 events", async () => {
    const { change } = await userWithDevices();
    for (let i = 0; i < 22; i++) await signOutOtherSessions(change);
    expect(await listSecurityActivity(change.userId)).toHaveLength(20);
  });
});

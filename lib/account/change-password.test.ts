import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { createUser } from "../../test/fixtures";
import { userActor } from "../audit/record-audit-event";
import { signIn } from "../auth/sign-in";
import { FREE_ACCOUNT_FAILURES } from "../auth/sign-in-throttle";
import { findLiveSession, startUserSession } from "../auth/user-sessions";
import { db } from "../db/client";
import { changePassword } from "./change-password";
import { changePasswordInput } from "./schemas";

const client = { userAgent: "vitest", ip: null };
const PASSWORD = "correct horse";
const NEW_PASSWORD = "battery staple 42";

async function userWithSessions(count: number) {
  const user = await createUser({ password: PASSWORD });
  const sessions = [];
  for (let i = 0; i < count; i++) sessions.push(await startUserSession(user.id, client));
  const [current, ...others] = sessions as [(typeof sessions)[number], ...typeof sessions];
  return { user, current, others, change: { userId: user.id, sessionId: current.id, actor: userActor(user), client } };
}

const input = (currentPassword: string, newPassword = NEW_PASSWORD) => ({ currentPassword, newPassword, confirmPassword: newPassword });

describe("changePassword", () => {
  it("stores a new bcrypt hash, signs out every other session and keeps this one, freshly confirmed", async () => {
    const { user, current, others, change } = await userWithSessions(3);
    const later = new Date(current.createdAt.getTime() + 30 * 60_000);
    expect(await changePassword(change, input(PASSWORD), later)).toBe(2);

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(await bcrypt.compare(NEW_PASSWORD, stored.passwordHash)).toBe(true);
    expect(stored.passwordChangedAt).toEqual(later);
    for (const other of others) expect(await findLiveSession(other.id, later)).toBeNull();
    const kept = await findLiveSession(current.id, later);
    expect(kept?.reauthenticatedAt).toEqual(later);

    expect(await signIn({ email: user.email, password: PASSWORD }, client)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn({ email: user.email, password: NEW_PASSWORD }, client)).toMatchObject({ ok: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.password_changed", targetId: user.id } });
    expect(audit).toMatchObject({ propertyId: null, actorId: user.id, metadata: expect.objectContaining({ otherSessionsRevoked: 2 }) });
  });

  it("refuses a wrong current password, changes nothing, and counts it as a failed sign-in until the throttle answers", async () => {
    const { user, others, change } = await userWithSessions(2);
    for (let i = 0; i < FREE_ACCOUNT_FAILURES; i++) {
      await expect(changePassword(change, input("wrong password"))).rejects.toMatchObject({
        code: "VALIDATION_ERROR",
        fields: { currentPassword: ["That password is not right."] },
      });
    }
    // Now even the right password waits, here and on the sign-in page.
    await expect(changePassword(change, input(PASSWORD))).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await signIn({ email: user.email, password: PASSWORD }, client)).toMatchObject({ ok: false, reason: "throttled" });

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await bcrypt.compare(PASSWORD, stored.passwordHash)).toBe(true);
    expect(stored.passwordChangedAt).toBeNull();
    expect(await findLiveSession(others[0]!.id)).not.toBeNull();
  });
});

describe("changePasswordInput", () => {
  it("wants 10 to 200 characters, a confirmation that matches and a password other than the current one", () => {
    const issues = (value: unknown) => {
      const result = changePasswordInput.safeParse(value);
      return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
    };
    expect(issues(input(PASSWORD))).toEqual([]);
    expect(issues(input(PASSWORD, "short"))).toEqual(["newPassword"]);
    expect(issues(input(PASSWORD, "x".repeat(201)))).toEqual(["newPassword"]);
    expect(issues({ ...input(PASSWORD), confirmPassword: "something else" })).toEqual(["confirmPassword"]);
    expect(issues(input(PASSWORD, PASSWORD))).toEqual(["newPassword"]);
    expect(issues(input(""))).toEqual(["currentPassword"]);
  });
});

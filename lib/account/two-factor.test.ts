import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { createUser } from "../../test/fixtures";
import { userActor } from "../audit/record-audit-event";
import { signIn } from "../auth/sign-in";
import { hashRecoveryCode, TOTP_PERIOD_SECONDS } from "../auth/two-factor";
import { startUserSession } from "../auth/user-sessions";
import { isSealed } from "../crypto/seal";
import { db } from "../db/client";
import type { AccountChange } from "./account-change";
import { beginTwoFactorSetup } from "./begin-two-factor-setup";
import { disableTwoFactor } from "./disable-two-factor";
import { enableTwoFactor } from "./enable-two-factor";
import { getSecurityStatus } from "./get-security-status";
import { regenerateRecoveryCodes } from "./regenerate-recovery-codes";

const client = { userAgent: "vitest", ip: null };
const PASSWORD = "correct horse";

async function signedInUser(): Promise<{ user: Awaited<ReturnType<typeof createUser>>; change: AccountChange }> {
  const user = await createUser({ password: PASSWORD });
  const session = await startUserSession(user.id, client);
  return { user, change: { userId: user.id, sessionId: session.id, actor: userActor(user), client } };
}

/** The code an authenticator app shows `steps` periods after `now`. */
const codeAt = (secret: string, now: Date, steps = 0) =>
  generate({ secret, epoch: Math.floor(now.getTime() / 1000) + steps * TOTP_PERIOD_SECONDS });

async function withTwoFactor(now = new Date()) {
  const signedIn = await signedInUser();
  const setup = await beginTwoFactorSetup(signedIn.user.id);
  const secret = setup.setupKey.replace(/\s/g, "");
  const recoveryCodes = await enableTwoFactor(signedIn.change, await codeAt(secret, now), now);
  return { ...signedIn, secret, recoveryCodes };
}

describe("turning on two-factor authentication", () => {
  it("keeps the pending secret sealed and shows it as a QR code and a setup key", async () => {
    const { user } = await signedInUser();
    const setup = await beginTwoFactorSetup(user.id);
    expect(setup.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(setup.setupKey).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.twoFactorPendingSecret && isSealed(stored.twoFactorPendingSecret)).toBe(true);
    expect(stored.twoFactorPendingSecret).not.toContain(setup.setupKey.replace(/\s/g, ""));
    expect(stored.twoFactorEnabledAt).toBeNull();
  });

  it("needs a valid code from the app, then moves the secret over and stores only hashes of ten recovery codes", async () => {
    const { user, change } = await signedInUser();
    const secret = (await beginTwoFactorSetup(user.id)).setupKey.replace(/\s/g, "");
    const now = new Date();
    const wrong = String((Number(await codeAt(secret, now)) + 1) % 1_000_000).padStart(6, "0");
    await expect(enableTwoFactor(change, wrong, now)).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).twoFactorEnabledAt).toBeNull();

    const codes = await enableTwoFactor(change, await codeAt(secret, now), now);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.twoFactorEnabledAt).toEqual(now);
    expect(stored.twoFactorPendingSecret).toBeNull();
    expect(stored.twoFactorSecret && isSealed(stored.twoFactorSecret)).toBe(true);
    const rows = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.codeHash).sort()).toEqual(codes.map(hashRecoveryCode).sort());
    expect(rows.some((r) => codes.some((code) => r.codeHash.includes(code.replace("-", ""))))).toBe(false);
    expect(await getSecurityStatus(user.id)).toMatchObject({ twoFactorEnabledAt: now.toISOString(), recoveryCodesLeft: 10 });
    expect(await db.auditEvent.count({ where: { action: "user.two_factor_enabled", targetId: user.id, propertyId: null } })).toBe(1);
  });

  it("refuses the code that turned 2FA on when it is typed again to sign in (replay)", async () => {
    const now = new Date();
    const { user, secret } = await withTwoFactor(now);
    const setupCode = await codeAt(secret, now);
    const later = new Date(now.getTime() + 5_000);
    expect(await signIn({ email: user.email, password: PASSWORD, code: setupCode }, client, later)).toEqual({
      ok: false,
      reason: "invalid",
    });
    // The next step's code is good, once.
    const next = await codeAt(secret, later, 1);
    expect(await signIn({ email: user.email, password: PASSWORD, code: next }, client, later)).toMatchObject({ ok: true });
    expect(await signIn({ email: user.email, password: PASSWORD, code: next }, client, later)).toEqual({ ok: false, reason: "invalid" });
  });

  it("asks for the second factor after the password once 2FA is on", async () => {
    const { user } = await withTwoFactor();
    expect(await signIn({ email: user.email, password: PASSWORD }, client)).toEqual({ ok: false, reason: "two_factor_required" });
  });
});

describe("recovery codes", () => {
  it("each signs in once, typed in any case and without its dash", async () => {
    const { user, recoveryCodes } = await withTwoFactor();
    const [first, second] = recoveryCodes as [string, string];
    expect(await signIn({ email: user.email, password: PASSWORD, code: first }, client)).toMatchObject({ ok: true });
    expect(await signIn({ email: user.email, password: PASSWORD, code: first }, client)).toEqual({ ok: false, reason: "invalid" });
    const typed = second.replace("-", "").toUpperCase();
    expect(await signIn({ email: user.email, password: PASSWORD, code: typed }, client)).toMatchObject({ ok: true });
    expect((await getSecurityStatus(user.id)).recoveryCodesLeft).toBe(8);
  });

  it("sign in typed as people type them: with a space, spaces, dashes in other places or an en dash, in upper case", async () => {
    const { user, recoveryCodes } = await withTwoFactor();
    const typings = [
      (code: string) => code.replace("-", " "),
      (code: string) => ` ${code.replace("-", "").toUpperCase().split("").join(" ")} `,
      (code: string) => code.replace("-", "").replace(/(..)(..)(..)(..)/, "$1-$2-$3-$4-"),
      (code: string) => code.replace("-", " \u2013 ").toUpperCase(),
    ];
    for (const [index, typed] of typings.entries()) {
      const code = typed(recoveryCodes[index]!);
      expect(await signIn({ email: user.email, password: PASSWORD, code }, client), code).toMatchObject({ ok: true });
    }
    expect((await getSecurityStatus(user.id)).recoveryCodesLeft).toBe(10 - typings.length);
  });

  it("regenerating replaces the whole set: old codes stop working", async () => {
    const { user, change, recoveryCodes } = await withTwoFactor();
    const fresh = await regenerateRecoveryCodes(change);
    expect(fresh).toHaveLength(10);
    expect(fresh.some((code) => recoveryCodes.includes(code))).toBe(false);
    expect(await signIn({ email: user.email, password: PASSWORD, code: recoveryCodes[0] }, client)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await signIn({ email: user.email, password: PASSWORD, code: fresh[0] }, client)).toMatchObject({ ok: true });
    expect(await db.auditEvent.count({ where: { action: "user.recovery_codes_regenerated", targetId: user.id } })).toBe(1);
  });

  it("cannot be generated without 2FA", async () => {
    const { change } = await signedInUser();
    await expect(regenerateRecoveryCodes(change)).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await db.recoveryCode.count({ where: { userId: change.userId } })).toBe(0);
  });
});

describe("turning off two-factor authentication", () => {
  it("refuses a wrong password or code and leaves 2FA on", async () => {
    const { user, change } = await withTwoFactor();
    await expect(disableTwoFactor(change, { password: "not my password" })).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
    await expect(disableTwoFactor(change, { code: "000000" })).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
    await expect(disableTwoFactor(change, { code: "aaaaa-aaaaa" })).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.twoFactorEnabledAt).not.toBeNull();
    expect(stored.twoFactorSecret).not.toBeNull();
  });

  it("with the right password removes the secret and the recovery codes, and sign-in needs the password alone", async () => {
    const { user, change } = await withTwoFactor();
    await disableTwoFactor(change, { password: PASSWORD });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ twoFactorSecret: null, twoFactorEnabledAt: null, twoFactorLastStep: null });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await signIn({ email: user.email, password: PASSWORD }, client)).toMatchObject({ ok: true });
    expect(await db.auditEvent.count({ where: { action: "user.two_factor_disabled", targetId: user.id } })).toBe(1);
  });

  it("with a recovery code typed with a space, in upper case", async () => {
    const { user, change, recoveryCodes } = await withTwoFactor();
    await disableTwoFactor(change, { code: recoveryCodes[0]!.replace("-", " ").toUpperCase() });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).twoFactorEnabledAt).toBeNull();
  });

  it("with a current code from the app", async () => {
    const now = new Date();
    const { user, change, secret } = await withTwoFactor(now);
    await disableTwoFactor(change, { code: await codeAt(secret, now, 1) }, now);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).twoFactorEnabledAt).toBeNull();
  });
});

"use server";
// The signed-in user's changes to their own account: password, two-factor authentication, sessions, alert e-mails.
import { z } from "zod";
import type { AccountChange } from "../account/account-change";
import { beginTwoFactorSetup, type TwoFactorSetup } from "../account/begin-two-factor-setup";
import { changePassword } from "../account/change-password";
import { disableTwoFactor } from "../account/disable-two-factor";
import { enableTwoFactor } from "../account/enable-two-factor";
import { regenerateRecoveryCodes } from "../account/regenerate-recovery-codes";
import { changePasswordInput, disableTwoFactorInput, sessionRef, twoFactorCodeInput } from "../account/schemas";
import { signOutOtherSessions } from "../account/sign-out-other-sessions";
import { signOutSession } from "../account/sign-out-session";
import { ALERT_KINDS } from "../integration-rules/alert-kinds";
import { listLiveSessions } from "../auth/user-sessions";
import { db } from "../db/client";
import { accountAction, type AccountActionContext } from "./account-action";

const noInput = z.object({});

/** Recovery codes travel to the browser only in these answers. */
type RecoveryCodes = { recoveryCodes: string[] };

const changeOf = ({ session, actor, client }: AccountActionContext<unknown>): AccountChange => ({
  userId: session.userId,
  sessionId: session.id,
  actor,
  client,
});

export const changePasswordAction = accountAction(changePasswordInput, async (context) => {
  const revoked = await changePassword(changeOf(context), context.input);
  return revoked === 0
    ? "Password changed."
    : `Password changed. ${revoked} other ${revoked === 1 ? "session was" : "sessions were"} signed out.`;
});

// Turning 2FA on needs sudo mode too: from a stolen session, enrolling one's own app would lock the owner out.
export const beginTwoFactorSetupAction = accountAction<typeof noInput, TwoFactorSetup>(
  noInput,
  async ({ session }) => beginTwoFactorSetup(session.userId),
  { sudo: true },
);

export const enableTwoFactorAction = accountAction<typeof twoFactorCodeInput, RecoveryCodes & { otherSessions: number }>(
  twoFactorCodeInput,
  async (context) => {
    const recoveryCodes = await enableTwoFactor(changeOf(context), context.input.code);
    // Browsers signed in before 2FA was on got in without a code: the person is offered to end them.
    const otherSessions = (await listLiveSessions(context.session.userId)).filter((s) => s.id !== context.session.id).length;
    return { recoveryCodes, otherSessions, message: "Two-factor authentication is on." };
  },
  { sudo: true },
);

export const disableTwoFactorAction = accountAction(
  disableTwoFactorInput,
  async (context) => {
    await disableTwoFactor(changeOf(context), context.input);
    return "Two-factor authentication is off.";
  },
  { sudo: true },
);

export const regenerateRecoveryCodesAction = accountAction<typeof noInput, RecoveryCodes>(
  noInput,
  async (context) => {
    const recoveryCodes = await regenerateRecoveryCodes(changeOf(context));
    return { recoveryCodes, message: "New recovery codes: the old ones no longer work." };
  },
  { sudo: true },
);

export const signOutSessionAction = accountAction(sessionRef, async (context) => {
  await signOutSession(changeOf(context), context.input.sessionId);
  return "That session was signed out.";
});

export const signOutOtherSessionsAction = accountAction(noInput, async (context) => {
  const count = await signOutOtherSessions(changeOf(context));
  return count === 0 ? "No other sessions were signed in." : `${count} other ${count === 1 ? "session was" : "sessions were"} signed out.`;
});

const alertEmailsInput = z.strictObject({ muted: z.array(z.enum(ALERT_KINDS)).max(ALERT_KINDS.length) });

/** Which alerts this person does not want by e-mail (every other one is mailed to owners and admins). */
export const updateAlertEmailsAction = accountAction(alertEmailsInput, async ({ session, input }) => {
  await db.user.update({ where: { id: session.userId }, data: { mutedAlertEmails: [...new Set(input.muted)] } });
  return "Your alert e-mail choices were saved.";
});

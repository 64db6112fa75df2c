import "server-only";
// Turning 2FA off weakens the account, so besides sudo mode it asks for the password or a code once
// more, checked as confirming access is (throttled, audited; a wrong answer counts as a failed sign-in).
import { confirmIdentity } from "../auth/sudo";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { auditAccountEvent, type AccountChange } from "./account-change";

export async function disableTwoFactor(
  change: AccountChange,
  answer: { password?: string; code?: string },
  now = new Date(),
): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: change.userId }, select: { twoFactorEnabledAt: true } });
  if (!user.twoFactorEnabledAt) throw new AppError("INVALID_STATE", "Two-factor authentication is already off.");
  await confirmIdentity({ id: change.sessionId, userId: change.userId }, answer, change.client, now);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: change.userId },
      data: { twoFactorSecret: null, twoFactorPendingSecret: null, twoFactorEnabledAt: null, twoFactorLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: change.userId } });
    await auditAccountEvent(tx, change, "user.two_factor_disabled");
  });
}

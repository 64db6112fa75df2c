import "server-only";
// The second half of turning on 2FA: a code from the app proves it holds the pending secret. The code's
// time step is stored as used, so the same code cannot sign in afterwards; the recovery codes come back
// in clear this once.
import { verifyTotp } from "../auth/two-factor";
import { unseal } from "../crypto/seal";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { auditAccountEvent, type AccountChange } from "./account-change";
import { storeNewRecoveryCodes } from "./store-recovery-codes";

const WRONG_CODE = "That code is not right. Check the time on your phone and try the newest code.";

/** Returns the new recovery codes. */
export async function enableTwoFactor(change: AccountChange, code: string, now = new Date()): Promise<string[]> {
  const user = await db.user.findUniqueOrThrow({ where: { id: change.userId } });
  if (user.twoFactorEnabledAt) throw new AppError("INVALID_STATE", "Two-factor authentication is already on.");
  const pending = user.twoFactorPendingSecret;
  if (!pending) throw new AppError("INVALID_STATE", "Start the setup again: there is no code to confirm.");

  const step = await verifyTotp(unseal(pending), code, null, now);
  if (step === null) throw new AppError("VALIDATION_ERROR", WRONG_CODE, { code: [WRONG_CODE] });

  return db.$transaction(async (tx) => {
    // Conditional on the very secret checked: a setup restarted in another tab meanwhile is not enabled with this one.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, twoFactorEnabledAt: null, twoFactorPendingSecret: pending },
      data: { twoFactorSecret: pending, twoFactorPendingSecret: null, twoFactorEnabledAt: now, twoFactorLastStep: step },
    });
    if (count === 0) throw new AppError("CONFLICT", "The setup changed in the meantime. Reload the page and start again.");
    const codes = await storeNewRecoveryCodes(tx, user.id, now);
    await auditAccountEvent(tx, change, "user.two_factor_enabled");
    return codes;
  });
}

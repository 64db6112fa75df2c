import "server-only";
// New recovery codes for someone who used some up or lost the list: the old ones stop working at once.
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { auditAccountEvent, type AccountChange } from "./account-change";
import { storeNewRecoveryCodes } from "./store-recovery-codes";

/** Returns the new recovery codes, in clear this once. */
export async function regenerateRecoveryCodes(change: AccountChange, now = new Date()): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: change.userId }, select: { twoFactorEnabledAt: true } });
    if (!user.twoFactorEnabledAt) throw new AppError("INVALID_STATE", "Turn on two-factor authentication first.");
    const codes = await storeNewRecoveryCodes(tx, change.userId, now);
    await auditAccountEvent(tx, change, "user.recovery_codes_regenerated");
    return codes;
  });
}

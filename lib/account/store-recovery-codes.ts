import "server-only";
// A fresh set of recovery codes replaces the old one; only their hashes are stored, so the set is shown once.
import { hashRecoveryCode, newRecoveryCodes } from "../auth/two-factor";
import type { DbTx } from "../db/client";

/** Deletes the user's recovery codes, stores new ones and returns them in clear. */
export async function storeNewRecoveryCodes(tx: DbTx, userId: string, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })) });
  return codes;
}

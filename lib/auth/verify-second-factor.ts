import "server-only";
// The second factor: a TOTP code from the authenticator app, or one of the recovery codes. Each is good
// once; both checks are single UPDATEs, so two requests racing with one code cannot both pass.
import { db } from "../db/client";
import { unseal } from "../crypto/seal";
import { hashRecoveryCode, looksLikeRecoveryCode, verifyTotp } from "./two-factor";

export type SecondFactor = "totp" | "recovery_code";

export async function verifySecondFactor(
  user: { id: string; twoFactorSecret: string | null; twoFactorLastStep: number | null },
  code: string,
  now = new Date(),
): Promise<SecondFactor | null> {
  if (!user.twoFactorSecret) return null;
  const typed = code.trim();
  if (looksLikeRecoveryCode(typed)) {
    const { count } = await db.recoveryCode.updateMany({
      where: { userId: user.id, codeHash: hashRecoveryCode(typed), usedAt: null },
      data: { usedAt: now },
    });
    return count === 1 ? "recovery_code" : null;
  }
  const step = await verifyTotp(unseal(user.twoFactorSecret), typed, user.twoFactorLastStep, now);
  if (step === null) return null;
  const { count } = await db.user.updateMany({
    where: { id: user.id, OR: [{ twoFactorLastStep: null }, { twoFactorLastStep: { lt: step } }] },
    data: { twoFactorLastStep: step },
  });
  return count === 1 ? "totp" : null;
}

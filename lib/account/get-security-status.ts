import "server-only";
// What the Security page says about the account's sign-in: 2FA on since when, recovery codes left, last password change.
import { db } from "../db/client";

export interface SecurityStatus {
  twoFactorEnabledAt: string | null;
  recoveryCodesLeft: number;
  passwordChangedAt: string | null;
}

export async function getSecurityStatus(userId: string): Promise<SecurityStatus> {
  const [user, recoveryCodesLeft] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { twoFactorEnabledAt: true, passwordChangedAt: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return {
    twoFactorEnabledAt: user.twoFactorEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: user.twoFactorEnabledAt ? recoveryCodesLeft : 0,
    passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
  };
}

import "server-only";
// The first half of turning on 2FA: a new secret, kept sealed as pending until a code from the app
// proves the app has it (enable-two-factor.ts). Starting again replaces the pending secret.
import QRCode from "qrcode";
import { formatSetupKey, newTwoFactorSecret, otpauthUri } from "../auth/two-factor";
import { seal } from "../crypto/seal";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";

export interface TwoFactorSetup {
  /** The otpauth:// URI as a QR code (PNG data URL) for the authenticator app to scan. */
  qrCode: string;
  /** The same secret, grouped by four, for typing into the app by hand. */
  setupKey: string;
}

export async function beginTwoFactorSetup(userId: string): Promise<TwoFactorSetup> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, twoFactorEnabledAt: true } });
  if (user.twoFactorEnabledAt) throw new AppError("INVALID_STATE", "Two-factor authentication is already on.");
  const secret = newTwoFactorSecret();
  await db.user.update({ where: { id: userId }, data: { twoFactorPendingSecret: seal(secret) } });
  const qrCode = await QRCode.toDataURL(otpauthUri(user.email, secret), { margin: 1, width: 200 });
  return { qrCode, setupKey: formatSetupKey(secret) };
}

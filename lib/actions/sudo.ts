"use server";
// Sudo mode's one action: enter the password (or a 2FA code) again to open the 10-minute window.
import { z } from "zod";
import { confirmIdentity } from "../auth/sudo";
import { accountAction } from "./account-action";

const confirmInput = z.union([
  z.object({ password: z.string().min(1, "Enter your password.").max(200) }),
  z.object({ code: z.string().trim().min(6, "Enter the 6-digit code or a recovery code.").max(40) }),
]);

export const confirmIdentityAction = accountAction(confirmInput, async ({ session, client, input }) => {
  await confirmIdentity(session, input, client);
  return "Confirmed.";
});

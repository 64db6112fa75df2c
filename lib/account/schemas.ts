// What the Security page's forms send, shared by the server actions and their use cases.
import { z } from "zod";
import { storableId } from "../db/storable-text";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const changePasswordInput = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(MAX_PASSWORD_LENGTH),
    newPassword: z
      .string({ error: "Choose a new password." })
      .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`),
    confirmPassword: z.string({ error: "Type the new password again." }),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });

export type ChangePasswordInput = z.output<typeof changePasswordInput>;

export const twoFactorCodeInput = z.object({
  code: z.string({ error: "Enter the 6-digit code from your app." }).trim().min(6, "Enter the 6-digit code from your app.").max(40),
});

/** Turning 2FA off: the password, or a code (from the app or a recovery code). */
export const disableTwoFactorInput = z.union([
  z.object({ password: z.string().min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH) }),
  z.object({ code: z.string().trim().min(6, "Enter the 6-digit code or a recovery code.").max(40) }),
]);

export const sessionRef = z.object({ sessionId: storableId("session") });

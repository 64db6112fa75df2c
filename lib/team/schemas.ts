// The team's inputs, shared by the forms and the server actions.
import { z } from "zod";
import { storableId as id, UNSTORABLE_TEXT_MESSAGE, unstorableTextPath } from "../db/storable-text";
import { Role } from "../db/generated/prisma/enums";

const role = z.enum(Role, { error: "Choose a role." });

export const inviteMemberInput = z.strictObject({
  email: z
    .string({ error: "Enter an email address." })
    .trim()
    .toLowerCase()
    .max(320, "That email is too long.")
    .email("Enter a valid email."),
  role,
});

export const revokeInvitationInput = z.strictObject({ invitationId: id("invitation") });

export const changeMemberRoleInput = z.strictObject({ memberId: id("member"), role });

export const removeMemberInput = z.strictObject({ memberId: id("member") });

export const teamSettingsInput = z.strictObject({ requireTwoFactorForManagers: z.boolean({ error: "On or off?" }) });

export const MIN_PASSWORD_LENGTH = 10;

export const acceptInvitationInput = z.strictObject({
  token: z.string().max(100),
  /** Only for a new account: who they are and the password they will sign in with. */
  account: z
    .strictObject({
      name: z
        .string({ error: "Enter your name." })
        .trim()
        .min(1, "Enter your name.")
        .max(100, "At most 100 characters.")
        .refine((name) => unstorableTextPath(name) === null, UNSTORABLE_TEXT_MESSAGE),
      password: z
        .string({ error: "Choose a password." })
        .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters.`)
        .max(200, "At most 200 characters."),
      confirmPassword: z.string({ error: "Repeat the password." }),
    })
    .refine((account) => account.password === account.confirmPassword, {
      path: ["confirmPassword"],
      message: "The passwords do not match.",
    })
    .optional(),
});
export type AcceptInvitationInput = z.output<typeof acceptInvitationInput>;

import { z } from "zod";
import { storableId, UNSTORABLE_TEXT_MESSAGE, unstorableTextPath } from "../db/storable-text";
import { SCOPE_IDS } from "./scopes";

export const EXPIRY_CHOICES = ["never", "30d", "90d", "365d", "date"] as const;
export const GRACE_CHOICES = { now: 0, "1h": 3600_000, "24h": 24 * 3600_000, "7d": 7 * 24 * 3600_000 } as const;
export type GraceChoice = keyof typeof GRACE_CHOICES;

const storable = (value: string) => unstorableTextPath(value) === null;
const keyName = z.string().trim().min(1, "Give the key a name").max(80, "At most 80 characters").refine(storable, UNSTORABLE_TEXT_MESSAGE);
/** The manager's own words about a key; blank means none. */
const keyNote = z
  .string()
  .trim()
  .max(200, "At most 200 characters")
  .refine(storable, UNSTORABLE_TEXT_MESSAGE)
  .optional()
  .transform((v) => v || null);

export const createApiKeyInput = z
  .object({
    name: keyName,
    note: keyNote,
    mode: z.enum(["LIVE", "TEST", "PAIR"]),
    scopes: z.array(z.enum(SCOPE_IDS)).min(1, "Choose at least one permission").max(SCOPE_IDS.length),
    expiry: z.enum(EXPIRY_CHOICES).default("never"),
    /** With expiry "date": the day the key stops working (end of that day, UTC). */
    expiresOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD")
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.expiry !== "date") return;
    if (!value.expiresOn) {
      ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "Choose the expiry date" });
      return;
    }
    const end = new Date(`${value.expiresOn}T23:59:59.999Z`);
    if (Number.isNaN(end.getTime()) || end <= new Date()) {
      ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "The expiry date must be in the future" });
    }
  });
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export function expiryDate(input: Pick<CreateApiKeyInput, "expiry" | "expiresOn">, now = new Date()): Date | null {
  switch (input.expiry) {
    case "never":
      return null;
    case "date":
      return new Date(`${input.expiresOn}T23:59:59.999Z`);
    default:
      return new Date(now.getTime() + Number.parseInt(input.expiry, 10) * 24 * 3600_000);
  }
}

/** Renaming a key or changing its note: the key itself, its permissions and expiry never change here. */
export const updateApiKeyDetailsInput = z.object({
  keyId: storableId("key"),
  name: keyName,
  note: keyNote,
});
export type UpdateApiKeyDetailsInput = z.infer<typeof updateApiKeyDetailsInput>;

export const rollApiKeyInput = z.object({
  keyId: storableId("key"),
  grace: z.enum(Object.keys(GRACE_CHOICES) as [GraceChoice, ...GraceChoice[]]),
  /** Roll the key's live/test partner in the same step. */
  pair: z.boolean().default(false),
});
export type RollApiKeyInput = z.infer<typeof rollApiKeyInput>;

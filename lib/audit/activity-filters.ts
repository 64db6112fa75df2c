// The Activity page's filters as they stand in the URL, and the kinds of entry a manager thinks in.
// No server imports: the filter form on the client reads the same kinds.
import { createLoader, parseAsString } from "nuqs/server";
import { z } from "zod";
import { isStorableDate, STORABLE_DATE_MESSAGE } from "../db/storable-date";

/** Each kind is the action prefixes recorded under lib/ (grep `action: "`). */
export const ACTIVITY_KINDS = {
  keys: { label: "API keys", prefixes: ["api_key."] },
  webhooks: { label: "Webhooks", prefixes: ["webhook_endpoint.", "webhook_delivery."] },
  team: { label: "Team", prefixes: ["member."] },
  security: { label: "Sign-in & security", prefixes: ["user."] },
  reservations: { label: "Reservations & messages", prefixes: ["reservation.", "message."] },
  settings: { label: "Settings & limits", prefixes: ["api_settings.", "team_settings."] },
} as const;

export type ActivityKind = keyof typeof ACTIVITY_KINDS;

/** Who acted, as the select names it: a member, an API key, or the system. */
export type ActorFilter = { type: "user"; id: string } | { type: "key"; id: string } | { type: "system" };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// A calendar day in UTC, as an <input type="date"> sends it; "2026-02-31" is refused, not rolled over.
const day = (name: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const date = new Date(`${value}T00:00:00.000Z`);
      if (!DATE.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
        ctx.addIssue({ code: "custom", message: `“${value.slice(0, 40)}” is not a ${name} date (use YYYY-MM-DD).` });
        return z.NEVER;
      }
      // Year 0000 is a date to JavaScript, not to PostgreSQL: refused here, never sent to the database.
      if (!isStorableDate(date)) {
        ctx.addIssue({ code: "custom", message: `“${value}” is out of range: ${STORABLE_DATE_MESSAGE}.` });
        return z.NEVER;
      }
      return date;
    });

export const activityFilters = z
  .object({
    actor: z
      .string()
      .trim()
      .optional()
      .transform((value, ctx): ActorFilter | undefined => {
        if (!value) return undefined;
        if (value === "system") return { type: "system" };
        const match = /^(user|key):([A-Za-z0-9_-]{1,100})$/.exec(value);
        if (match?.[1] === "user" || match?.[1] === "key") return { type: match[1], id: match[2]! };
        ctx.addIssue({ code: "custom", message: "That actor is not one this page knows: pick one from the list." });
        return z.NEVER;
      }),
    kind: z
      .string()
      .trim()
      .optional()
      .transform((value, ctx): ActivityKind | undefined => {
        if (!value) return undefined;
        if (Object.hasOwn(ACTIVITY_KINDS, value)) return value as ActivityKind;
        ctx.addIssue({ code: "custom", message: `“${value.slice(0, 40)}” is not a kind of activity: pick one from the list.` });
        return z.NEVER;
      }),
    from: day("from"),
    to: day("to"),
  })
  .superRefine((filters, ctx) => {
    if (filters.from && filters.to && filters.from > filters.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "The “from” date is after the “to” date: no entry can match." });
  });

export type ActivityFilters = z.output<typeof activityFilters>;

/** The filters, or the messages a person reads about the ones that cannot be used. */
export function parseActivityFilters(
  raw: Record<string, string | undefined>,
): { ok: true; filters: ActivityFilters } | { ok: false; messages: string[] } {
  const parsed = activityFilters.safeParse(raw);
  if (parsed.success) return { ok: true, filters: parsed.data };
  return { ok: false, messages: [...new Set(parsed.error.issues.map((issue) => issue.message))] };
}

/** The URL value of an actor filter. */
export function actorValue(actor: ActorFilter): string {
  return actor.type === "system" ? "system" : `${actor.type}:${actor.id}`;
}

/**
 * The same filters as URL state (nuqs parsers, shared by the filter form and the server page). They
 * carry the raw text: `parseActivityFilters` above judges it, so a bad value is explained, not dropped.
 */
export const activityFilterParams = {
  kind: parseAsString.withDefault(""),
  actor: parseAsString.withDefault(""),
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
};
export const loadActivityFilterParams = createLoader(activityFilterParams);

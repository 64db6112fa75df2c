// What the OpenAPI document must say about an input that zod's JSON Schema rendering loses: a
// refinement (a real calendar date, a year the database holds), a length counted after `.trim()`, the
// input side of a `.pipe()`. Spread into `.meta()` on the zod schema, so the forms, the handlers and
// the document keep one source; each hint is as strict as the server or stricter, never looser.
import { z } from "zod";

/** Text that, once trimmed, has at least `min` characters: its non-blank ends are that far apart. */
export const notBlank = (min = 1) => ({ pattern: min <= 1 ? "\\S" : `\\S[\\s\\S]{${min - 2},}\\S` });

/** An e-mail address as z.email() accepts it (checked after trimming and lower-casing). */
export const EMAIL_HINT = { format: "email", pattern: z.regexes.email.source };

/** A real calendar date (`format: date` rules out 2026-02-30) in the years PostgreSQL stores (no year 0). */
export const CALENDAR_DATE_HINT = { format: "date", pattern: "^(?!0000)\\d{4}-\\d{2}-\\d{2}$" };

/**
 * A date-time whose UTC moment falls in years 1–9999: no year 0, and no offset that could carry the first
 * or last day of the range over its edge (slightly stricter than the server, which checks the UTC year).
 */
export const STORABLE_INSTANT_HINT = { not: { pattern: "^(?:0000-|0001-01-01T[^Z]*\\+|9999-12-31T[^Z]*-)" } };

/**
 * Params of a zod refinement that compares fields with each other or with stored data, which JSON
 * Schema cannot express. The API answers such a refusal 409 INVALID_STATE, and the operation's description
 * states the rule; the dashboard's forms show it like any other issue.
 */
export const STATE_RULE = { params: { stateRule: true } } as const;

export const isStateRuleIssue = (issue: z.core.$ZodIssue) =>
  issue.code === "custom" && (issue as { params?: { stateRule?: unknown } }).params?.stateRule === true;

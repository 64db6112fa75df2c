// How /api/v1 words a validation issue the schema left unworded: the field and the constraint, as an
// integrator reads them ("roomId is required", "adults must be at most 20"). The schemas are shared
// with the dashboard's forms, which pass their own wording (lib/errors/form-wording.ts); a message a
// schema does give is one that reads right in both places (zod prefers it over this map).
import type { z } from "zod";

type Issue = Parameters<z.core.$ZodErrorMap>[0];

const A_OR_AN: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "an array",
  date: "a date",
  bigint: "an integer",
};

function list(values: readonly unknown[]): string {
  const shown = values.slice(0, 30).map((value) => (typeof value === "string" ? JSON.stringify(value) : String(value)));
  return values.length > 30 ? `${shown.join(", ")}, …` : shown.join(", ");
}

function unit(origin: string | undefined, count: number | bigint): string {
  if (origin === "string") return count === 1 ? " character" : " characters";
  if (origin === "array" || origin === "set") return count === 1 ? " item" : " items";
  return "";
}

/**
 * The message for an issue, naming the field by its dotted path ("guest.email"); undefined leaves zod's.
 * `where` is what was parsed: the body, or the query string (whose fields are parameters).
 */
export function apiIssueMessage(issue: Issue, where: "body" | "query" = "body"): string | undefined {
  const path = (issue.path ?? []).map(String).join(".");
  const field = path || (where === "query" ? "The query" : "The body");
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `${field} is required`;
      return `${field} must be ${A_OR_AN[issue.expected] ?? issue.expected}${issue.input === null ? ", not null" : ""}`;
    case "too_small": {
      const { minimum, inclusive, origin } = issue;
      if ((origin === "string" || origin === "array" || origin === "set") && minimum === 1) return `${field} is required`;
      if (origin === "string" || origin === "array" || origin === "set")
        return `${field} must have at least ${minimum}${unit(origin, minimum)}`;
      return `${field} must be ${inclusive === false ? "greater than" : "at least"} ${minimum}`;
    }
    case "too_big": {
      const { maximum, inclusive, origin } = issue;
      if (origin === "string" || origin === "array" || origin === "set")
        return `${field} must have at most ${maximum}${unit(origin, maximum)}`;
      return `${field} must be ${inclusive === false ? "less than" : "at most"} ${maximum}`;
    }
    case "invalid_format":
      if (issue.format === "email") return `${field} must be an email address`;
      if (issue.format === "url") return `${field} must be a URL`;
      if (issue.format === "datetime") return `${field} must be an ISO 8601 date-time with an offset, such as 2026-11-23T10:00:00Z`;
      if (issue.format === "date") return `${field} must be a date, YYYY-MM-DD`;
      return `${field} is not in the expected format`;
    case "not_multiple_of":
      return `${field} must be a multiple of ${issue.divisor}`;
    case "invalid_value":
      return issue.values.length === 1 ? `${field} must be ${list(issue.values)}` : `${field} must be one of ${list(issue.values)}`;
    case "unrecognized_keys": {
      const keys = list(issue.keys);
      const noun = where === "query" && !path ? "parameter" : "field";
      return `${path ? `${path} has` : `${field} has`} unknown ${noun}${issue.keys.length === 1 ? "" : "s"} ${keys}`;
    }
    case "invalid_union":
      return `${field} matches none of the allowed forms`;
    case "invalid_key":
    case "invalid_element":
      return `${field} holds an invalid ${issue.code === "invalid_key" ? "key" : "value"}`;
    default:
      return undefined;
  }
}

/** The same, for the query string: its fields are parameters. */
export const apiQueryIssueMessage = (issue: Issue) => apiIssueMessage(issue, "query");

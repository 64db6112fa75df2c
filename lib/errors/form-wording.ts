// A dashboard form's wording of validation issues, per field: "Choose a room" where the API says
// "roomId is required". The schemas are shared with /api/v1, which words issues for an integrator
// (lib/api/api-issue-message.ts); a form passes its wording as a zod error map when it parses.
import type { z } from "zod";

type Issue = Parameters<z.core.$ZodErrorMap>[0];

/** What went wrong with a field, as a form words it. */
export type IssueKind = "required" | "type" | "whole" | "too_small" | "too_big" | "format" | "value";

/** Per field (dotted path, "guest.email"; "*" for any array index), one message for any issue, or one per kind of issue. */
export type FormWording = Record<string, string | Partial<Record<IssueKind, string>>>;

function kindOf(issue: Issue): IssueKind | null {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "required";
      return issue.expected === "int" ? "whole" : "type";
    case "too_small":
      return issue.minimum === 1 && (issue.origin === "string" || issue.origin === "array") ? "required" : "too_small";
    case "too_big":
      return "too_big";
    case "invalid_format":
      return "format";
    case "invalid_value":
      return "value";
    default:
      return null;
  }
}

/** A zod error map that words the fields the form names; any other issue keeps zod's (or the schema's) message. */
export function formWording(wording: FormWording): z.core.$ZodErrorMap {
  return (issue) => {
    const path = (issue.path ?? []).map(String);
    const field = wording[path.join(".")] ?? wording[path.map((part) => (/^\d+$/.test(part) ? "*" : part)).join(".")];
    if (typeof field === "string") return field;
    const kind = kindOf(issue);
    if (!field || !kind) return undefined;
    // A missing value of a field without its own "required" wording reads as its wrong type.
    return field[kind] ?? (kind === "required" ? field.type : undefined);
  };
}

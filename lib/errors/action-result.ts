// Server actions answer with one shape; this maps errors into it (the actions' counterpart of the
// API's error mapper): validation → field errors, AppError → its message, anything else → logged.
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "../db/database-unavailable";
import { AppError, type ErrorCode } from "./app-error";

/** A server action's answer: success with a message and the action's own data, or what went wrong. */
export type ActionResult<Data extends object = object> = ({ ok: true; message?: string } & Data) | ActionFailure;

/** A failed action: `code` lets the client act on it (ask for the password again, go set up 2FA). */
export type ActionFailure = { ok: false; message: string; code?: ErrorCode; fields?: Record<string, string[]> };

export function zodFieldErrors(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** The failed ActionResult for an error; Next's redirect()/notFound() (which carry a digest) pass through. */
export function actionFailure(error: unknown): ActionFailure {
  if (error instanceof ZodError) return { ok: false, message: "Please correct the highlighted fields.", fields: zodFieldErrors(error) };
  if (error instanceof AppError) return { ok: false, message: error.message, code: error.code, fields: error.fields };
  if (error instanceof Error && "digest" in error) throw error;
  if (isDatabaseUnavailable(error)) {
    console.error("server action: database unavailable:", error instanceof Error ? error.message : error);
    return { ok: false, message: "The database is unavailable right now. Nothing was saved; try again in a few seconds." };
  }
  console.error("server action failed:", error);
  return { ok: false, message: "Something went wrong on our side. Nothing was saved; please try again." };
}

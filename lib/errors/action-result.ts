// Server actions answer with one shape; this maps errors into it (the actions' counterpart of the
// API's error mapper): validation → field errors, AppError → its message, anything else → logged.
import { ZodError } from "zod";
import { AppError } from "./app-error";

export type ActionResult = { ok: true; message?: string } | { ok: false; message: string; fields?: Record<string, string[]> };

export function zodFieldErrors(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export async function toActionResult(run: () => Promise<string | void>): Promise<ActionResult> {
  try {
    const message = await run();
    return message ? { ok: true, message } : { ok: true };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, message: "Please correct the highlighted fields.", fields: zodFieldErrors(error) };
    if (error instanceof AppError) return { ok: false, message: error.message, fields: error.fields };
    // Next's redirect()/notFound() are thrown too and must pass through.
    if (error instanceof Error && "digest" in error) throw error;
    console.error("server action failed:", error);
    return { ok: false, message: "Something went wrong on our side. Nothing was saved; please try again." };
  }
}

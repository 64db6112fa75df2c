import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/errors/action-result";
import { cn } from "@/lib/ui/cn";

/** An action's outcome under its form: green status on success, red alert on failure. */
export function ActionMessage({ result, className }: { result: ActionResult | undefined; className?: string }) {
  if (!result?.message) return null;
  return (
    <p
      role={result.ok ? "status" : "alert"}
      className={cn("rounded-md px-3 py-2 text-sm", result.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700", className)}
    >
      {result.message}
    </p>
  );
}

/** A form's or dialog's failure line, for what no single field owns. */
export function FormError({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {children}
    </p>
  );
}

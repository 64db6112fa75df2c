"use client";
// Toasts (sonner): what happened after an action, announced politely to screen readers. Bottom right, clear of
// the page header's links; dark text on a pale tint, so every kind reads at 4.5:1 or better (sonner's rich
// colours gave green on green at 4.25:1).
import { Toaster as SonnerToaster } from "sonner";

export { toast } from "sonner";

export function Toaster() {
  return (
    <SonnerToaster
      closeButton
      position="bottom-right"
      duration={6000}
      toastOptions={{
        classNames: {
          toast: "border! border-slate-300! bg-white! text-slate-900!",
          success: "border-emerald-300! bg-emerald-50! text-emerald-900!",
          error: "border-red-300! bg-red-50! text-red-900!",
          warning: "border-amber-300! bg-amber-50! text-amber-900!",
          info: "border-sky-300! bg-sky-50! text-sky-900!",
          description: "text-slate-700!",
        },
      }}
    />
  );
}

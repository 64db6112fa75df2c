"use client";
// Toasts (sonner): what happened after an action, announced politely to screen readers.
import { Toaster as SonnerToaster } from "sonner";

export { toast } from "sonner";

export function Toaster() {
  return <SonnerToaster richColors closeButton position="top-right" duration={6000} />;
}

"use client";

import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog, DialogClose, DialogContent } from "./dialog";

interface Props {
  title: string;
  description?: string;
  /** The confirm button: "Delete endpoint", "Revoke key". */
  confirmLabel: string;
  /** Shown on it while the action runs: "Deleting…". */
  pendingLabel: string;
  /** "danger" for what cannot be undone or stops something working. */
  tone?: "danger" | "primary";
  pending: boolean;
  /** The action's failure message, shown in the dialog (which stays open so the person can retry or cancel). */
  failure?: string | null;
  onConfirm: () => void;
  onClose: () => void;
  /** Where focus goes on close when the element that opened the dialog is gone (a Disable button that became Enable). */
  fallbackFocus?: () => HTMLElement | null;
  className?: string;
  /** What is being confirmed (a URL, a key preview) and any option (a checkbox). */
  children?: ReactNode;
}

/** The one confirmation step before a consequential action: Cancel, or a confirm button that shows progress and failure. */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  pendingLabel,
  tone = "danger",
  pending,
  failure,
  onConfirm,
  onClose,
  fallbackFocus,
  className,
  children,
}: Props) {
  // Rendered only after a click, so this is the button (or menu item) that opened it.
  const [opener] = useState(() => (typeof document === "undefined" ? null : (document.activeElement as HTMLElement | null)));
  return (
    <Dialog open onOpenChange={(open) => !open && !pending && onClose()}>
      <DialogContent
        title={title}
        description={description}
        className={className}
        onCloseAutoFocus={(event) => {
          // A modal Radix dialog gives focus back only to its own Trigger; opened from elsewhere, it would drop
          // focus on <body>. Back to the opener, or the fallback when the opener is gone.
          const target = opener?.isConnected ? opener : fallbackFocus?.();
          if (target) {
            event.preventDefault();
            target.focus();
          }
        }}
      >
        {children}
        {failure ? (
          <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {failure}
          </p>
        ) : null}
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary" disabled={pending}>
              Cancel
            </Button>
          </DialogClose>
          <Button variant={tone} onClick={onConfirm} disabled={pending} aria-busy={pending || undefined}>
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

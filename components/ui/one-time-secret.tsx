"use client";

import type { ReactNode } from "react";
import { Button } from "./button";
import { CopyButton } from "./copy-button";

/** A secret in full on one scrolling line, with its copy button. */
export function SecretBox({ value, testId, copyLabel }: { value: string; testId: string; copyLabel: string }) {
  return (
    <div className="flex items-center gap-2">
      <code
        data-testid={testId}
        // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too.
        role="region"
        aria-label={copyLabel.replace(/^Copy /, "")}
        tabIndex={0}
        className="min-w-0 flex-1 overflow-x-auto rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs whitespace-nowrap"
      >
        {value}
      </code>
      <CopyButton value={value} aria-label={copyLabel} />
    </div>
  );
}

export interface RevealedSecret {
  /** "Live key", "Signing secret". */
  label: string;
  value: string;
  testId: string;
  /** The copy button's name: "Copy live key". */
  copyLabel: string;
}

export const STORED_IT_LABEL = "I’ve stored it safely";

/**
 * A secret shown once (a new API key, a webhook signing secret): the warning, each secret with its copy
 * button, and the one button that closes the step. Render it inside `<DialogContent dismissible={false}>`,
 * so Escape, a click outside or ✕ cannot lose the secret before the person says it is stored.
 */
export function OneTimeSecret({
  notice,
  secrets,
  children,
  onStored,
}: {
  /** Why to copy it now: shown as an alert, so a screen reader announces it when the step appears. */
  notice: ReactNode;
  secrets: RevealedSecret[];
  /** What to do with it next (how to verify a signature, when the old one stops). */
  children?: ReactNode;
  onStored: () => void;
}) {
  return (
    <div className="space-y-4">
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {notice}
      </p>
      {secrets.map((secret) => (
        <div key={secret.testId} className="space-y-1">
          <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{secret.label}</p>
          <SecretBox value={secret.value} testId={secret.testId} copyLabel={secret.copyLabel} />
        </div>
      ))}
      {children}
      <div className="flex justify-end border-t border-slate-100 pt-4">
        <Button onClick={onStored}>{STORED_IT_LABEL}</Button>
      </div>
    </div>
  );
}

"use client";
// Sudo mode in the browser: an action answered REAUTHENTICATION_REQUIRED opens "Confirm access", and once
// the password (or a 2FA code) is accepted the action runs again, so the user never starts over. An
// action answered TWO_FACTOR_SETUP_REQUIRED sends the user to set up two-factor authentication.
import { FormError } from "@/components/ui/action-message";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useState, type FormEvent, type ReactNode } from "react";
import { confirmIdentityAction } from "@/lib/actions/sudo";
import type { ActionResult } from "@/lib/errors/action-result";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";

type Run = <R extends ActionResult<object>>(action: () => Promise<R>) => Promise<R>;

const SudoContext = createContext<Run | null>(null);

/** Wraps a server action call: asks for the password again when the action needs it, then retries. */
export function useSudo(): Run {
  const run = useContext(SudoContext);
  if (!run) throw new Error("useSudo needs a <SudoProvider> above it.");
  return run;
}

interface Pending {
  retry: () => Promise<void>;
  cancel: () => void;
}

export function SudoProvider({ twoFactorEnabled, children }: { twoFactorEnabled: boolean; children: ReactNode }) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending | null>(null);

  const run = useCallback<Run>(
    async (action) => {
      const first = await action();
      if (first.ok) return first;
      if (first.code === "TWO_FACTOR_SETUP_REQUIRED") {
        router.push(`/account/security?required=1&callbackUrl=${encodeURIComponent(window.location.pathname)}`);
        return first;
      }
      if (first.code !== "REAUTHENTICATION_REQUIRED") return first;
      return new Promise((resolve) => {
        setPending({
          retry: async () => resolve(await action()),
          cancel: () => resolve(first),
        });
      });
    },
    [router],
  );

  return (
    <SudoContext.Provider value={run}>
      {children}
      <ConfirmAccessDialog
        open={pending !== null}
        twoFactorEnabled={twoFactorEnabled}
        onConfirmed={async () => {
          setPending(null);
          await pending?.retry();
        }}
        onCancel={() => {
          pending?.cancel();
          setPending(null);
        }}
      />
    </SudoContext.Provider>
  );
}

function ConfirmAccessDialog({
  open,
  twoFactorEnabled,
  onConfirmed,
  onCancel,
}: {
  open: boolean;
  twoFactorEnabled: boolean;
  onConfirmed: () => Promise<void>;
  onCancel: () => void;
}) {
  const [useCode, setUseCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await confirmIdentityAction(
      useCode ? { code: String(form.get("code") ?? "") } : { password: String(form.get("password") ?? "") },
    );
    setBusy(false);
    if (!result.ok) {
      setError(result.fields ? Object.values(result.fields).flat().join(" ") : result.message);
      return;
    }
    setUseCode(false);
    await onConfirmed();
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          setError(null);
          setUseCode(false);
          onCancel();
        }
      }}
    >
      <DialogContent
        title="Confirm access"
        description="Creating or rolling keys, revealing secrets, changing limits and team changes need your password entered in the last few minutes."
      >
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          {useCode ? (
            <Field id="sudo-code" label="Authentication code">
              <Input id="sudo-code" name="code" inputMode="numeric" autoComplete="one-time-code" required autoFocus />
            </Field>
          ) : (
            <PasswordField id="sudo-password" name="password" label="Password" purpose="current" required autoFocus />
          )}
          {error ? <FormError>{error}</FormError> : null}
          <div className="flex flex-wrap items-center justify-between gap-2">
            {twoFactorEnabled ? (
              <button type="button" className="text-sm text-brand-700 underline" onClick={() => setUseCode((value) => !value)}>
                {useCode ? "Use your password instead" : "Use an authentication code instead"}
              </button>
            ) : (
              <span />
            )}
            <Button type="submit" disabled={busy}>
              {busy ? "Confirming…" : "Confirm"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { FormError } from "@/components/ui/action-message";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useSudo } from "@/components/auth/sudo-provider";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { disableTwoFactorAction } from "@/lib/actions/account";

/** Turning 2FA off: asks for the password (or a code) once more, even in sudo mode. */
export function DisableTwoFactorDialog({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const sudo = useSudo();
  const [useCode, setUseCode] = useState(false);
  const mutation = useMutation({
    mutationFn: (answer: { password: string } | { code: string }) => sudo(() => disableTwoFactorAction(answer)),
    onSuccess: (result) => {
      if (!result.ok) return;
      onClose();
      router.refresh();
    },
  });
  const failure = mutation.data && !mutation.data.ok ? mutation.data : null;
  const fieldErrors = failure?.fields ? Object.values(failure.fields).flat() : undefined;

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title="Turn off two-factor authentication?"
        description="Signing in will need only your password, and your recovery codes stop working."
      >
        <form
          className="space-y-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            mutation.mutate(useCode ? { code: String(form.get("code") ?? "") } : { password: String(form.get("password") ?? "") });
          }}
        >
          {useCode ? (
            <Field id="disable-code" label="Authentication code" errors={fieldErrors}>
              <Input id="disable-code" name="code" inputMode="text" autoComplete="one-time-code" maxLength={40} autoFocus />
            </Field>
          ) : (
            <PasswordField id="disable-password" name="password" label="Password" purpose="current" errors={fieldErrors} autoFocus />
          )}
          {failure && !fieldErrors ? <FormError>{failure.message}</FormError> : null}
          <div className="flex flex-wrap items-center justify-between gap-2">
            <button
              type="button"
              className="text-sm text-brand-700 underline"
              onClick={() => {
                setUseCode((value) => !value);
                mutation.reset();
              }}
            >
              {useCode ? "Use your password instead" : "Use an authentication code instead"}
            </button>
            <div className="flex gap-2">
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <Button type="submit" variant="danger" disabled={mutation.isPending}>
                {mutation.isPending ? "Turning off…" : "Turn off"}
              </Button>
            </div>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

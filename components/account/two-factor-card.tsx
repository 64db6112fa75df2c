"use client";

import { FormError } from "@/components/ui/action-message";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useSudo } from "@/components/auth/sudo-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import type { SecurityStatus } from "@/lib/account/get-security-status";
import { beginTwoFactorSetupAction, enableTwoFactorAction, regenerateRecoveryCodesAction } from "@/lib/actions/account";
import { DisableTwoFactorDialog } from "./disable-two-factor-dialog";
import { RecoveryCodesDialog } from "./recovery-codes-dialog";

/** Few enough left that it is time to generate new ones. */
const LOW_RECOVERY_CODES = 3;

/** Two-factor authentication with an authenticator app: set up, recovery codes, turn off. */
export function TwoFactorCard({ status, returnTo }: { status: SecurityStatus; returnTo: string | null }) {
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [otherSessions, setOtherSessions] = useState(0);
  return (
    <section aria-labelledby="two-factor-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="two-factor-heading" className="text-base font-semibold text-slate-900">
          Two-factor authentication
        </h2>
        {status.twoFactorEnabledAt ? <Badge tone="green">On</Badge> : <Badge>Off</Badge>}
      </div>
      {status.twoFactorEnabledAt ? (
        <TwoFactorOn status={status} enabledAt={status.twoFactorEnabledAt} onRecoveryCodes={setRecoveryCodes} />
      ) : (
        <TwoFactorSetup
          onEnabled={(codes, others) => {
            setRecoveryCodes(codes);
            setOtherSessions(others);
          }}
        />
      )}
      {recoveryCodes ? (
        <RecoveryCodesDialog
          codes={recoveryCodes}
          returnTo={returnTo}
          otherSessions={otherSessions}
          onClose={() => {
            setRecoveryCodes(null);
            setOtherSessions(0);
          }}
        />
      ) : null}
    </section>
  );
}

function TwoFactorSetup({ onEnabled }: { onEnabled: (codes: string[], otherSessions: number) => void }) {
  const router = useRouter();
  const sudo = useSudo();
  const begin = useMutation({ mutationFn: () => sudo(() => beginTwoFactorSetupAction({})) });
  const enable = useMutation({
    mutationFn: (code: string) => sudo(() => enableTwoFactorAction({ code })),
    onSuccess: (result) => {
      if (!result.ok) return;
      onEnabled(result.recoveryCodes, result.otherSessions);
      router.refresh();
    },
  });
  const setup = begin.data?.ok ? begin.data : null;
  const failure = begin.data && !begin.data.ok ? begin.data.message : null;
  const enableFailure = enable.data && !enable.data.ok ? enable.data : null;

  if (!setup) {
    return (
      <div className="mt-2 space-y-4">
        <p className="text-sm text-slate-600">
          Besides your password, signing in will ask for a 6-digit code from an authenticator app on your phone (such as 1Password, Google
          Authenticator or Microsoft Authenticator), so a stolen password alone is not enough.
        </p>
        {failure ? <FormError>{failure}</FormError> : null}
        <Button onClick={() => begin.mutate()} disabled={begin.isPending}>
          {begin.isPending ? "Preparing…" : "Set up two-factor authentication"}
        </Button>
      </div>
    );
  }

  return (
    <div className="mt-4 space-y-4">
      <ol className="space-y-4 text-sm text-slate-700">
        <li>
          <p className="font-medium text-slate-900">1. Scan this QR code with your authenticator app</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a PNG data URL made on the server: nothing for next/image to optimise */}
          <img
            src={setup.qrCode}
            alt="QR code to add this account to your authenticator app"
            width={200}
            height={200}
            className="mt-2 rounded-md border border-slate-200"
          />
        </li>
        <li>
          <p className="font-medium text-slate-900">Or type this setup key into the app</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code
              data-testid="two-factor-setup-key"
              className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm break-all text-slate-900"
            >
              {setup.setupKey}
            </code>
            <CopyButton value={setup.setupKey.replace(/\s/g, "")} label="Copy key" />
          </div>
        </li>
        <li>
          <p className="font-medium text-slate-900">2. Enter the 6-digit code the app shows</p>
          <form
            className="mt-2 flex flex-wrap items-start gap-2"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              enable.mutate(String(new FormData(event.currentTarget).get("code") ?? ""));
            }}
          >
            <Field id="two-factor-code" label="Authentication code" errors={enableFailure?.fields?.code} className="w-36">
              <Input
                id="two-factor-code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                aria-invalid={enableFailure?.fields?.code ? true : undefined}
              />
            </Field>
            {/* Level with the input, below its label, whether or not an error shows under it. */}
            <div className="flex gap-2 pt-6">
              <Button type="submit" disabled={enable.isPending}>
                {enable.isPending ? "Checking…" : "Turn on"}
              </Button>
              <Button variant="ghost" onClick={() => begin.reset()}>
                Cancel
              </Button>
            </div>
          </form>
        </li>
      </ol>
      {enableFailure && !enableFailure.fields?.code ? <FormError>{enableFailure.message}</FormError> : null}
    </div>
  );
}

function TwoFactorOn({
  status,
  enabledAt,
  onRecoveryCodes,
}: {
  status: SecurityStatus;
  enabledAt: string;
  onRecoveryCodes: (codes: string[]) => void;
}) {
  const [dialog, setDialog] = useState<"regenerate" | "disable" | null>(null);
  const low = status.recoveryCodesLeft <= LOW_RECOVERY_CODES;
  return (
    <div className="mt-2 space-y-4">
      <p className="text-sm text-slate-600">
        On since <RelativeTime value={enabledAt} />. Signing in asks for a code from your authenticator app or one of your recovery codes.
      </p>
      <p className={low ? "text-sm font-medium text-amber-800" : "text-sm text-slate-700"} data-testid="recovery-codes-left">
        {status.recoveryCodesLeft} unused recovery {status.recoveryCodesLeft === 1 ? "code" : "codes"} left
        {low ? ": generate new ones before you run out." : "."}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setDialog("regenerate")}>
          Regenerate recovery codes
        </Button>
        <Button variant="secondary" className="text-red-700" onClick={() => setDialog("disable")}>
          Turn off two-factor authentication
        </Button>
      </div>
      {dialog === "regenerate" ? (
        <RegenerateDialog
          onClose={() => setDialog(null)}
          onRegenerated={(codes) => {
            setDialog(null);
            onRecoveryCodes(codes);
          }}
        />
      ) : null}
      {dialog === "disable" ? <DisableTwoFactorDialog onClose={() => setDialog(null)} /> : null}
    </div>
  );
}

function RegenerateDialog({ onClose, onRegenerated }: { onClose: () => void; onRegenerated: (codes: string[]) => void }) {
  const router = useRouter();
  const sudo = useSudo();
  const mutation = useMutation({
    mutationFn: () => sudo(() => regenerateRecoveryCodesAction({})),
    onSuccess: (result) => {
      if (!result.ok) return;
      onRegenerated(result.recoveryCodes);
      router.refresh();
    },
  });
  const failure = mutation.data && !mutation.data.ok ? mutation.data.message : null;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title="Regenerate recovery codes?"
        description="You get ten new codes, shown once. Your current recovery codes stop working at once."
      >
        {failure ? <FormError>{failure}</FormError> : null}
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button onClick={() => mutation.mutate()} disabled={mutation.isPending}>
            {mutation.isPending ? "Generating…" : "Generate new codes"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { signOutOtherSessionsAction } from "@/lib/actions/account";

/** The one and only time the recovery codes are shown: copy, download, and (when 2FA was required) the way back. */
export function RecoveryCodesDialog({
  codes,
  returnTo,
  otherSessions = 0,
  onClose,
}: {
  codes: string[];
  returnTo: string | null;
  /** Just after turning 2FA on: browsers still signed in from before, which got in without a code. */
  otherSessions?: number;
  onClose: () => void;
}) {
  const router = useRouter();
  const signOutOthers = useMutation({ mutationFn: () => signOutOtherSessionsAction({}) });
  const text = `Recovery codes for signing in without your authenticator app. Each works once.\n\n${codes.join("\n")}\n`;

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "recovery-codes.txt";
    link.click();
    // Revoked after the click has been handled: some browsers read the URL asynchronously.
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }

  function done() {
    onClose();
    if (returnTo) router.push(returnTo);
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        dismissible={false}
        title="Save your recovery codes"
        description="If you lose your phone, each of these codes signs you in once instead of a code from the app."
      >
        <div className="space-y-4">
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Store them somewhere safe, such as a password manager. We show them only now: afterwards you can only generate new ones.
          </p>
          {otherSessions > 0 ? (
            <div className="rounded-md border border-slate-200 p-3 text-sm" data-testid="older-sessions">
              {signOutOthers.data ? (
                <p
                  role={signOutOthers.data.ok ? "status" : "alert"}
                  className={signOutOthers.data.ok ? "text-emerald-700" : "text-red-700"}
                >
                  {signOutOthers.data.message}
                </p>
              ) : (
                <>
                  <p className="text-slate-700">
                    You are still signed in on {otherSessions} other {otherSessions === 1 ? "browser" : "browsers"} that signed in without a
                    code. Sign {otherSessions === 1 ? "it" : "them"} out, so every session has passed the second step?
                  </p>
                  <Button
                    className="mt-2"
                    variant="secondary"
                    size="sm"
                    onClick={() => signOutOthers.mutate()}
                    disabled={signOutOthers.isPending}
                  >
                    {signOutOthers.isPending
                      ? "Signing out…"
                      : `Sign out ${otherSessions === 1 ? "the other session" : `the ${otherSessions} other sessions`}`}
                  </Button>
                </>
              )}
            </div>
          ) : null}
          <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-md border border-slate-200 bg-slate-50 p-3">
            {codes.map((code) => (
              <li key={code} data-testid="recovery-code" className="text-center font-mono text-sm text-slate-900">
                {code}
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="flex gap-2">
              <CopyButton value={text} label="Copy codes" />
              <Button variant="secondary" size="sm" onClick={download}>
                Download .txt
              </Button>
            </div>
            <Button onClick={done}>{returnTo ? "I’ve saved them: continue" : "I’ve saved them"}</Button>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent } from "@/components/ui/dialog";

/** The one and only time the recovery codes are shown: copy, download, and (when 2FA was required) the way back. */
export function RecoveryCodesDialog({ codes, returnTo, onClose }: { codes: string[]; returnTo: string | null; onClose: () => void }) {
  const router = useRouter();
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

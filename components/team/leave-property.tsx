"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useSudo } from "@/components/auth/sudo-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { leavePropertyAction } from "@/lib/actions/team";
import type { ActionResult } from "@/lib/errors/action-result";
import { ActionMessage } from "@/components/ui/action-message";

/** Leaving the property yourself; the server refuses the last owner, and the refusal is shown here. */
export function LeaveProperty({ slug, propertyName }: { slug: string; propertyName: string }) {
  const router = useRouter();
  const sudo = useSudo();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult>();

  async function leave() {
    setPending(true);
    const outcome = await sudo(() => leavePropertyAction(slug, {}));
    setPending(false);
    setResult(outcome);
    // This property's pages are no longer ours: go to whichever property is left, or the no-property page.
    if (outcome.ok) router.replace("/");
  }

  return (
    <section aria-labelledby="leave-property" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="leave-property" className="text-sm font-semibold text-slate-900">
        Leave {propertyName}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        You lose access to this property at once. Someone who manages the team can invite you again.
      </p>
      <Button variant="secondary" className="mt-3 text-red-700" onClick={() => setOpen(true)}>
        Leave property
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setResult(undefined);
        }}
      >
        <DialogContent title={`Leave ${propertyName}?`} description="You will no longer see its reservations, team or settings.">
          <ActionMessage result={result} />
          <div className="mt-4 flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button variant="danger" onClick={leave} disabled={pending || result?.ok === true}>
              {pending ? "Leaving…" : "Leave property"}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </section>
  );
}

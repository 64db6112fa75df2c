"use client";

import { FormError } from "@/components/ui/action-message";
import { useActionMutation } from "@/components/ui/use-action-mutation";
import { useState } from "react";
import { rollApiKeyAction } from "@/lib/actions/api-keys";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field, Select } from "@/components/ui/field";
import type { IssuedKey } from "@/lib/api-keys/create-api-key";
import { keyLabel } from "@/lib/api-keys/group-keys";
import type { ApiKeyView } from "@/lib/api-keys/list-api-keys";
import type { GraceChoice } from "@/lib/api-keys/schemas";
import { IssuedKeys } from "./issued-keys";
import { useInvalidateApiKeys } from "./use-api-keys";

/** Replaces a key; the new one is shown once, so that step closes only by its own button. */
export function RollKeyDialog({ slug, apiKey, onClose }: { slug: string; apiKey: ApiKeyView; onClose: () => void }) {
  const [grace, setGrace] = useState<GraceChoice>("24h");
  const [pair, setPair] = useState(Boolean(apiKey.pairId));
  const [issued, setIssued] = useState<IssuedKey[] | null>(null);
  const invalidate = useInvalidateApiKeys(slug);
  const mutation = useActionMutation(() => rollApiKeyAction(slug, { keyId: apiKey.id, grace, pair }), {
    // The dialog shows the new key and says to store it now; a refusal stays in it too.
    successToast: false,
    failureToast: false,
    onSuccess: async (result) => {
      setIssued(result.keys);
      await invalidate();
    },
  });
  const failure = mutation.data && !mutation.data.ok ? mutation.data.message : null;
  return (
    // While the roll runs the dialog stays: closing it would lose the new key it is about to show.
    <Dialog open onOpenChange={(open) => !open && !mutation.isPending && onClose()}>
      <DialogContent
        dismissible={!issued && !mutation.isPending}
        // A long key name in the title wraps clear of the ✕ button.
        className="[&>h2]:pr-8"
        title={issued ? "Key rolled" : `Roll ${keyLabel(apiKey)}`}
        description={issued ? undefined : "A new key with the same name, mode and permissions replaces this one."}
      >
        {issued ? (
          <IssuedKeys keys={issued} onStored={onClose} />
        ) : (
          <div className="space-y-4">
            <Field id="roll-grace" label="Keep the old key working for" hint="Time to deploy the new key before the old one stops.">
              <Select id="roll-grace" value={grace} onChange={(event) => setGrace(event.target.value as GraceChoice)}>
                <option value="now">No grace: stop it now</option>
                <option value="1h">1 hour</option>
                <option value="24h">24 hours</option>
                <option value="7d">7 days</option>
              </Select>
            </Field>
            {apiKey.pairId ? (
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={pair} onChange={(event) => setPair(event.target.checked)} />
                Regenerate the pair: roll its {apiKey.mode === "LIVE" ? "test" : "live"} key too
              </label>
            ) : null}
            {apiKey.expiresAt ? <p className="text-xs text-slate-500">The old key never works past its own expiry.</p> : null}
            {failure ? <FormError>{failure}</FormError> : null}
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary" disabled={mutation.isPending}>
                  Cancel
                </Button>
              </DialogClose>
              <Button onClick={() => mutation.mutate()} disabled={mutation.isPending}>
                {mutation.isPending ? "Rolling…" : "Roll key"}
              </Button>
            </div>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}

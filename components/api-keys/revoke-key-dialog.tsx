"use client";

import { useActionMutation } from "@/components/ui/use-action-mutation";
import { useState } from "react";
import { revokeApiKeyAction } from "@/lib/actions/api-keys";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { keyLabel } from "@/lib/api-keys/group-keys";
import type { ApiKeyView } from "@/lib/api-keys/list-api-keys";
import { useInvalidateApiKeys } from "./use-api-keys";

export function RevokeKeyDialog({ slug, apiKey, onClose }: { slug: string; apiKey: ApiKeyView; onClose: () => void }) {
  const invalidate = useInvalidateApiKeys(slug);
  const [pair, setPair] = useState(Boolean(apiKey.pairId));
  const mutation = useActionMutation(() => revokeApiKeyAction(slug, { keyId: apiKey.id, pair }), {
    onSuccess: async () => {
      await invalidate();
      onClose();
    },
  });
  const failure = mutation.data && !mutation.data.ok ? mutation.data.message : null;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title={`Revoke ${keyLabel(apiKey)}?`}
        // A long key name in the title wraps clear of the ✕ button.
        className="[&>h2]:pr-8"
        description="Every request with this key will be refused from now on with KEY_REVOKED. This cannot be undone."
      >
        <p className="font-mono text-sm text-slate-700">{apiKey.preview}</p>
        {apiKey.pairId ? (
          <label className="mt-3 flex items-center gap-2 text-sm">
            <input type="checkbox" checked={pair} onChange={(event) => setPair(event.target.checked)} />
            Revoke its {apiKey.mode === "LIVE" ? "test" : "live"} key too
          </label>
        ) : null}
        {failure ? (
          <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {failure}
          </p>
        ) : null}
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant="danger" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
            {mutation.isPending ? "Revoking…" : "Revoke key"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

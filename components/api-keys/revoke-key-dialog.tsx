"use client";

import { useActionMutation } from "@/components/ui/use-action-mutation";
import { useState } from "react";
import { revokeApiKeyAction } from "@/lib/actions/api-keys";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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
  return (
    <ConfirmDialog
      title={`Revoke ${keyLabel(apiKey)}?`}
      // A long key name in the title wraps clear of the ✕ button.
      className="[&>h2]:pr-8"
      description="Every request with this key will be refused from now on with KEY_REVOKED. This cannot be undone."
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      pending={mutation.isPending}
      failure={mutation.data && !mutation.data.ok ? mutation.data.message : null}
      onConfirm={() => mutation.mutate()}
      onClose={onClose}
    >
      <p className="font-mono text-sm text-slate-700">{apiKey.preview}</p>
      {apiKey.pairId ? (
        <label className="mt-3 flex items-center gap-2 text-sm">
          <input type="checkbox" checked={pair} onChange={(event) => setPair(event.target.checked)} />
          Revoke its {apiKey.mode === "LIVE" ? "test" : "live"} key too
        </label>
      ) : null}
    </ConfirmDialog>
  );
}

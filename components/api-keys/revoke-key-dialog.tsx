"use client";

import { useActionMutation } from "@/components/ui/use-action-mutation";
import { useState } from "react";
import { revokeApiKeyAction } from "@/lib/actions/api-keys";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { keyLabel } from "@/lib/api-keys/group-keys";
import type { ApiKeyView } from "@/lib/api-keys/list-api-keys";
import { useInvalidateApiKeys } from "./use-api-keys";

/** `partner`: the other key of a live/test pair, still working. Revoking it too is a choice, never the default. */
export function RevokeKeyDialog({
  slug,
  apiKey,
  partner,
  onClose,
}: {
  slug: string;
  apiKey: ApiKeyView;
  partner: ApiKeyView | null;
  onClose: () => void;
}) {
  const invalidate = useInvalidateApiKeys(slug);
  const [bothChosen, setPair] = useState(false);
  const pair = bothChosen && partner !== null;
  const mutation = useActionMutation(() => revokeApiKeyAction(slug, { keyId: apiKey.id, pair }), {
    // The dialog writes a refusal itself.
    failureToast: false,
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
      description={
        pair
          ? "Every request with either key will be refused from now on. This cannot be undone."
          : "Every request with this key will be refused from now on. This cannot be undone."
      }
      confirmLabel={pair ? "Revoke both keys" : "Revoke key"}
      pendingLabel="Revoking…"
      pending={mutation.isPending}
      failure={mutation.data && !mutation.data.ok ? mutation.data.message : null}
      onConfirm={() => mutation.mutate()}
      onClose={onClose}
    >
      <p className="font-mono text-sm text-slate-700">{apiKey.preview}</p>
      {partner ? (
        <label className="mt-3 flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" checked={pair} onChange={(event) => setPair(event.target.checked)} />
          <span>
            Also revoke its {partner.mode === "LIVE" ? "live" : "test"} key <span className="font-mono break-all">{partner.preview}</span>
            {partner.mode === "LIVE" ? " (integrations using it in production stop too)" : ""}
          </span>
        </label>
      ) : null}
    </ConfirmDialog>
  );
}

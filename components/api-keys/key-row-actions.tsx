"use client";

import { useActionMutation } from "@/components/ui/use-action-mutation";
import { useState } from "react";
import { revokeApiKeyAction, rollApiKeyAction } from "@/lib/actions/api-keys";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field, Select } from "@/components/ui/field";
import type { IssuedKey } from "@/lib/api-keys/create-api-key";
import type { ApiKeyView } from "@/lib/api-keys/list-api-keys";
import type { GraceChoice } from "@/lib/api-keys/schemas";
import { IssuedKeys } from "./issued-keys";
import { useInvalidateApiKeys } from "./use-api-keys";

export function KeyRowActions({ slug, apiKey }: { slug: string; apiKey: ApiKeyView }) {
  const [dialog, setDialog] = useState<"roll" | "revoke" | null>(null);
  const usable = apiKey.status.kind === "active" || apiKey.status.kind === "expiring";
  const stoppable = usable || apiKey.status.kind === "rolling";
  if (!stoppable) return null;
  return (
    <div className="flex justify-end gap-2">
      {usable ? (
        <Button size="sm" variant="secondary" onClick={() => setDialog("roll")} aria-label={`Roll ${apiKey.name}`}>
          Roll
        </Button>
      ) : null}
      <Button
        size="sm"
        variant="secondary"
        className="text-red-700"
        onClick={() => setDialog("revoke")}
        aria-label={`Revoke ${apiKey.name}`}
      >
        Revoke
      </Button>
      {dialog === "roll" ? <RollDialog slug={slug} apiKey={apiKey} onClose={() => setDialog(null)} /> : null}
      {dialog === "revoke" ? <RevokeDialog slug={slug} apiKey={apiKey} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}

function RollDialog({ slug, apiKey, onClose }: { slug: string; apiKey: ApiKeyView; onClose: () => void }) {
  const [grace, setGrace] = useState<GraceChoice>("24h");
  const [pair, setPair] = useState(Boolean(apiKey.pairId));
  const [issued, setIssued] = useState<IssuedKey[] | null>(null);
  const invalidate = useInvalidateApiKeys(slug);
  const mutation = useActionMutation(() => rollApiKeyAction(slug, { keyId: apiKey.id, grace, pair }), {
    successToast: "Key rolled. Store the new key: it is shown only now.",
    onSuccess: async (result) => {
      setIssued(result.keys);
      await invalidate();
    },
  });
  const failure = mutation.data && !mutation.data.ok ? mutation.data.message : null;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        dismissible={!issued}
        title={issued ? "Key rolled" : `Roll “${apiKey.name}”`}
        description={issued ? undefined : "A new key with the same name, mode and permissions replaces this one."}
      >
        {issued ? (
          <div className="space-y-4">
            <IssuedKeys keys={issued} />
            <div className="flex justify-end">
              <Button onClick={onClose}>I’ve stored it safely</Button>
            </div>
          </div>
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
            {failure ? (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
                {failure}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
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

function RevokeDialog({ slug, apiKey, onClose }: { slug: string; apiKey: ApiKeyView; onClose: () => void }) {
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
        title={`Revoke “${apiKey.name}”?`}
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

"use client";

import { FormError } from "@/components/ui/action-message";
import { useState } from "react";
import { useActionMutation } from "@/components/ui/use-action-mutation";
import { revealWebhookSecretAction, rotateWebhookSecretAction } from "@/lib/actions/webhooks";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { OneTimeSecret, SecretBox } from "@/components/ui/one-time-secret";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { formatInstant } from "./format";
import { useInvalidateWebhooks } from "./use-webhooks";

interface Props {
  slug: string;
  endpoint: { id: string; url: string; secretRotationEndsAt: string | null };
  canManage: boolean;
}

/** The endpoint's signing secret: hidden until an owner or admin asks (the reveal is audited), and rotation. */
export function SigningSecret({ slug, endpoint, canManage }: Props) {
  const [secret, setSecret] = useState<string | null>(null);
  const [rotating, setRotating] = useState(false);
  const reveal = useActionMutation(() => revealWebhookSecretAction(slug, { endpointId: endpoint.id }), {
    // The secret itself is the answer: no toast.
    successToast: false,
    failureToast: false,
    onSuccess: (result) => setSecret(result.secret ?? null),
  });
  const failure = reveal.data && !reveal.data.ok ? reveal.data.message : null;
  return (
    <section aria-label="Signing secret" className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Signing secret</h4>
        {endpoint.secretRotationEndsAt ? (
          <Badge tone="violet">
            <span suppressHydrationWarning>Rotation ends {formatInstant(endpoint.secretRotationEndsAt)}</span>
          </Badge>
        ) : null}
      </div>
      {secret ? (
        <SecretBox value={secret} testId="webhook-secret" copyLabel="Copy signing secret" />
      ) : (
        <p className="font-mono text-xs text-slate-500" aria-label="Signing secret hidden">
          whsec_••••••••••••••••••••••••
        </p>
      )}
      {endpoint.secretRotationEndsAt ? (
        <p className="text-xs text-slate-500">
          Until then every request carries two signatures, one per secret: a receiver holding either accepts it.
        </p>
      ) : null}
      {!canManage ? <p className="text-xs text-slate-500">Owners and admins can reveal and rotate it.</p> : null}
      {canManage ? (
        <div className="flex flex-wrap gap-2">
          {secret ? (
            <Button size="sm" variant="secondary" onClick={() => setSecret(null)}>
              Hide secret
            </Button>
          ) : (
            <Button size="sm" variant="secondary" onClick={() => reveal.mutate()} disabled={reveal.isPending}>
              {reveal.isPending ? "Revealing…" : "Reveal secret"}
            </Button>
          )}
          <Button size="sm" variant="secondary" onClick={() => setRotating(true)}>
            Rotate secret
          </Button>
        </div>
      ) : null}
      {failure ? (
        <p role="alert" className="text-xs text-red-700">
          {failure}
        </p>
      ) : null}
      {rotating ? (
        <RotateSecretDialog slug={slug} endpoint={endpoint} onRotated={(next) => setSecret(next)} onClose={() => setRotating(false)} />
      ) : null}
    </section>
  );
}

function RotateSecretDialog({
  slug,
  endpoint,
  onRotated,
  onClose,
}: {
  slug: string;
  endpoint: Props["endpoint"];
  onRotated: (secret: string) => void;
  onClose: () => void;
}) {
  const invalidate = useInvalidateWebhooks(slug);
  const mutation = useActionMutation(() => rotateWebhookSecretAction(slug, { endpointId: endpoint.id }), {
    // The dialog writes a refusal itself.
    failureToast: false,
    onSuccess: async (result) => {
      if (result.secret) onRotated(result.secret);
      await invalidate();
    },
  });
  const result = mutation.data;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        dismissible={!result?.ok}
        title={result?.ok ? "Secret rotated" : "Rotate the signing secret?"}
        description={
          result?.ok
            ? undefined
            : `A new secret signs requests to ${endpoint.url} from now on. The current secret keeps signing too for 24 hours, so your receiver keeps working while you deploy the new one.`
        }
      >
        {result?.ok && result.secret ? (
          <OneTimeSecret
            notice="Copy the new secret now and deploy it to your receiver. Owners and admins can reveal it again later."
            secrets={[
              { label: "New signing secret", value: result.secret, testId: "rotated-webhook-secret", copyLabel: "Copy signing secret" },
            ]}
            onStored={onClose}
          >
            {result.previousSecretExpiresAt ? (
              <p className="text-sm text-slate-600">
                The previous secret stops signing <span suppressHydrationWarning>{formatInstant(result.previousSecretExpiresAt)}</span>.
              </p>
            ) : null}
          </OneTimeSecret>
        ) : (
          <div className="space-y-4">
            {endpoint.secretRotationEndsAt ? (
              <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                A rotation is already in progress: rotating again stops the oldest secret now.
              </p>
            ) : null}
            {result && !result.ok ? <FormError>{result.message}</FormError> : null}
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <Button onClick={() => mutation.mutate()} disabled={mutation.isPending}>
                {mutation.isPending ? "Rotating…" : "Rotate secret"}
              </Button>
            </div>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { resendWebhookDeliveryAction } from "@/lib/actions/webhooks";
import { useActionMutation } from "@/components/ui/use-action-mutation";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { DeliveryDetail } from "@/lib/webhooks/list-endpoint-deliveries";
import { AttemptOutcomeLabel } from "./delivery-status";
import { formatInstant, prettyBody, prettyHeaders } from "./format";
import { useInvalidateWebhooks, useWebhookDelivery } from "./use-webhooks";

type Attempt = DeliveryDetail["attempts"][number];

/** An opened delivery: its ids, Resend, and every attempt's request and response, newest first. */
export function DeliveryAttempts({
  slug,
  endpoint,
  deliveryId,
  canManage,
}: {
  slug: string;
  endpoint: { id: string; enabled: boolean };
  deliveryId: string;
  canManage: boolean;
}) {
  const detail = useWebhookDelivery(slug, endpoint.id, deliveryId);
  const invalidate = useInvalidateWebhooks(slug);
  // Resent is a toast; a refusal is written beside the button.
  const resend = useActionMutation(() => resendWebhookDeliveryAction(slug, { deliveryId }), {
    onSuccess: () => invalidate(),
    failureToast: false,
  });
  if (detail.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (detail.isError)
    return (
      <p role="alert" className="text-sm text-red-700">
        {detail.error.message}
      </p>
    );
  const delivery = detail.data;
  const attempts = [...delivery.attempts].reverse();
  return (
    <div className="space-y-3" data-testid="delivery-detail">
      <div className="flex flex-wrap items-center gap-3 text-xs text-slate-600">
        <span>
          webhook-id <span className="font-mono text-slate-900">{delivery.id}</span>
        </span>
        <CopyButton value={delivery.id} label="Copy id" aria-label="Copy webhook-id" />
        {delivery.eventId ? (
          <span>
            Event <span className="font-mono text-slate-900">{delivery.eventId}</span>
          </span>
        ) : (
          <span>Test event</span>
        )}
        {canManage ? (
          <Button
            size="sm"
            onClick={() => resend.mutate()}
            disabled={resend.isPending || !endpoint.enabled}
            title={endpoint.enabled ? "Send it again now, with the same webhook-id and body" : "Enable the endpoint to resend"}
          >
            {resend.isPending ? "Resending…" : "Resend"}
          </Button>
        ) : null}
        {resend.data && !resend.data.ok ? (
          <span role="alert" className="text-red-700">
            {resend.data.message}
          </span>
        ) : null}
      </div>
      {attempts.length === 0 ? (
        <p className="text-sm text-slate-500">No attempt yet: the first one is on its way.</p>
      ) : (
        <ol className="space-y-3">
          {attempts.map((attempt, index) => (
            <li key={attempt.attemptNumber}>
              <AttemptView attempt={attempt} latest={index === 0} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function AttemptView({ attempt, latest }: { attempt: Attempt; latest: boolean }) {
  const blocks: [string, string][] = [
    ["Request headers", prettyHeaders(attempt.requestHeaders)],
    ["Request body", prettyBody(attempt.requestBody) || "(empty)"],
    ["Response headers", prettyHeaders(attempt.responseHeaders) || "(no response)"],
    ["Response body", prettyBody(attempt.responseBody) || (attempt.responseStatus === null ? "(no response)" : "(empty)")],
  ];
  return (
    <details open={latest} className="group rounded-md border border-slate-200 bg-white" aria-label={`Attempt ${attempt.attemptNumber}`}>
      <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-3 py-2 text-sm">
        <span className="font-medium">Attempt {attempt.attemptNumber}</span>
        <AttemptOutcomeLabel attempt={attempt} />
        <span className="text-xs text-slate-600" suppressHydrationWarning>
          {formatInstant(attempt.createdAt)}
        </span>
        <span className="text-xs text-slate-600 tabular-nums">{attempt.durationMs} ms</span>
        <span className="min-w-0 truncate font-mono text-xs text-slate-500">POST {attempt.url}</span>
      </summary>
      <div className="space-y-3 border-t border-slate-100 p-3">
        {attempt.error ? (
          <p role="note" className="rounded-md bg-red-50 px-3 py-2 font-mono text-xs text-red-800">
            {attempt.error}
          </p>
        ) : null}
        <div className="grid gap-3 lg:grid-cols-2">
          {blocks.map(([title, text]) => (
            <section key={title} aria-label={title} className="min-w-0">
              <div className="mb-1 flex items-center justify-between">
                <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
                  {title}
                  {title === "Response headers" && attempt.responseStatus !== null ? (
                    <span className="ml-2 font-mono normal-case">HTTP {attempt.responseStatus}</span>
                  ) : null}
                </h4>
                <CopyButton value={text} aria-label={`Copy ${title.toLowerCase()} of attempt ${attempt.attemptNumber}`} />
              </div>
              <pre
                // Focusable, so a keyboard can scroll a long body (axe: scrollable-region-focusable); long lines
                // (a signature header, a minified body) wrap instead of being cut.
                tabIndex={0}
                className="max-h-80 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs break-all whitespace-pre-wrap focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
              >
                {text}
              </pre>
            </section>
          ))}
        </div>
      </div>
    </details>
  );
}

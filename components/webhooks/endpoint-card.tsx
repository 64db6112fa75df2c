"use client";

import Link from "next/link";
import { useActionMutation } from "@/components/ui/use-action-mutation";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { deleteWebhookEndpointAction, sendWebhookTestEventAction, setWebhookEndpointEnabledAction } from "@/lib/actions/webhooks";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { toast } from "@/components/ui/toaster";
import type { EventTypeOption, WebhookEndpointView } from "@/lib/webhooks/list-endpoint-views";
import { describeRetrySchedule } from "@/lib/webhooks/engine/retry-schedule";
import { AttemptOutcomeLabel } from "./delivery-status";
import { EndpointFormDialog } from "./endpoint-form-dialog";
import { SigningSecret } from "./signing-secret";
import { useInvalidateWebhooks } from "./use-webhooks";

interface Props {
  slug: string;
  endpoint: WebhookEndpointView;
  catalog: EventTypeOption[];
  canManage: boolean;
  /** On the endpoint's own page: no link to itself, and deleting goes back to the list. */
  detail?: boolean;
}

export const webhooksHref = (slug: string) => `/${slug}/settings/api-access/webhooks`;

function successRate({ attempted24h, succeeded24h }: WebhookEndpointView["health"]): { text: string; tone: BadgeTone } | null {
  if (attempted24h === 0) return null;
  const rate = (succeeded24h / attempted24h) * 100;
  // Never round a failure up to "100%".
  const text = rate === 100 ? "100%" : `${Math.min(Math.floor(rate * 10) / 10, 99.9)}%`;
  return { text, tone: rate >= 95 ? "green" : rate >= 80 ? "amber" : "red" };
}

/** One endpoint: where it points, what it receives, how it has been doing, and what can be done to it. */
export function EndpointCard({ slug, endpoint, catalog, canManage, detail = false }: Props) {
  const headingId = useId();
  const cardRef = useRef<HTMLElement>(null);
  const router = useRouter();
  const invalidate = useInvalidateWebhooks(slug);
  const [dialog, setDialog] = useState<"edit" | "disable" | "delete" | null>(null);
  const deliveriesHref = `${webhooksHref(slug)}/${encodeURIComponent(endpoint.id)}`;
  const after = async () => {
    await invalidate();
  };
  // What happened is a toast; a test event's toast leads to its delivery (the detail page lists it already).
  const test = useActionMutation(() => sendWebhookTestEventAction(slug, { endpointId: endpoint.id }), {
    successToast: false,
    onSuccess: async (result) => {
      toast.success(
        result.message ?? "Test event queued.",
        detail ? {} : { action: { label: "See it", onClick: () => router.push(deliveriesHref) } },
      );
      await after();
    },
  });
  const enable = useActionMutation(() => setWebhookEndpointEnabledAction(slug, { endpointId: endpoint.id, enabled: true }), {
    onSuccess: after,
  });
  // An alert's "Re-enable…" opens the endpoint with ?enable=1: its Enable button has the focus, one click away.
  const searchParams = useSearchParams();
  const wantsEnable = detail && searchParams.get("enable") === "1" && !endpoint.enabled;
  useEffect(() => {
    if (!wantsEnable) return;
    const button = cardRef.current?.querySelector<HTMLElement>("[data-enable-endpoint]");
    button?.scrollIntoView({ block: "center" });
    button?.focus();
  }, [wantsEnable]);
  const rate = successRate(endpoint.health);
  const last = endpoint.health.lastDelivery;

  return (
    <article
      ref={cardRef}
      aria-labelledby={headingId}
      data-testid="webhook-endpoint"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <header className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h3 id={headingId} className="font-mono text-sm font-semibold break-all text-slate-900">
            {endpoint.url}
          </h3>
          {endpoint.description ? <p className="mt-0.5 text-sm text-slate-600">{endpoint.description}</p> : null}
          <p className="mt-0.5 text-xs text-slate-500" data-testid="retry-schedule">
            Retries: {endpoint.retrySchedule === "extended" ? "extended" : "standard"}, {describeRetrySchedule(endpoint.retrySchedule)}
            {endpoint.skipOwnEvents ? " · skips events caused by its own integration's API key" : ""}
          </p>
        </div>
        <Badge tone={!endpoint.enabled ? "red" : endpoint.pausedReason ? "amber" : "green"} className="shrink-0 self-start">
          {!endpoint.enabled ? "Disabled" : endpoint.pausedReason ? "Paused" : "Enabled"}
        </Badge>
      </header>

      {endpoint.enabled && endpoint.pausedReason ? (
        <div role="note" aria-label="Endpoint paused" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-semibold">{endpoint.pausedReason}</p>
          <p className="mt-0.5 text-xs">
            Events that happen meanwhile are not delivered; deliveries already queued go out once the property is on the PRO plan again.
          </p>
        </div>
      ) : null}

      {!endpoint.enabled ? (
        <div
          role="note"
          aria-label="Endpoint disabled"
          className="flex flex-col gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 sm:flex-row sm:items-center sm:justify-between"
        >
          <div>
            <p className="font-semibold">No events are sent to this endpoint</p>
            <p className="mt-0.5 font-medium">{endpoint.disabledReason ?? "Disabled."}</p>
            <p className="mt-0.5 text-xs">
              {endpoint.disabledAt ? (
                <>
                  Since <RelativeTime value={endpoint.disabledAt} />.{" "}
                </>
              ) : null}
              Events that happen while it is disabled are not delivered later; deliveries waiting for a retry go out once it is enabled.
            </p>
          </div>
          {canManage ? (
            <Button data-enable-endpoint size="sm" onClick={() => enable.mutate()} disabled={enable.isPending} className="shrink-0">
              {enable.isPending ? "Enabling…" : "Enable"}
            </Button>
          ) : null}
        </div>
      ) : null}

      <dl className="grid gap-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Events</dt>
          <dd className="mt-1 flex flex-wrap gap-1">
            {endpoint.eventTypes.map((type) => (
              <Badge key={type} tone={type === "*" ? "violet" : "gray"} className="font-mono">
                <span title={catalog.find((option) => option.type === type)?.description}>{type === "*" ? "All events (*)" : type}</span>
              </Badge>
            ))}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Success rate (24 h)</dt>
          <dd className="mt-1" data-testid="webhook-success-rate">
            {rate ? (
              <span className="flex items-center gap-2">
                <Badge tone={rate.tone}>{rate.text}</Badge>
                <span className="text-xs text-slate-500">
                  {endpoint.health.succeeded24h} of {endpoint.health.attempted24h}{" "}
                  {endpoint.health.attempted24h === 1 ? "delivery" : "deliveries"}
                </span>
              </span>
            ) : (
              <span className="text-slate-500">No deliveries in 24 hours</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Last delivery</dt>
          <dd className="mt-1" data-testid="webhook-last-delivery">
            {last ? (
              <span className="flex flex-wrap items-center gap-2">
                <AttemptOutcomeLabel attempt={{ responseStatus: last.statusCode, error: last.error }} />
                <span className="font-mono text-xs">{last.eventType}</span>
                <span className="text-xs text-slate-500">
                  <RelativeTime value={last.at} />
                </span>
              </span>
            ) : (
              <span className="text-slate-500">None yet</span>
            )}
          </dd>
        </div>
      </dl>

      <SigningSecret slug={slug} endpoint={endpoint} canManage={canManage} />

      {!detail || canManage ? (
        <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3">
          {!detail ? (
            <Link
              href={deliveriesHref}
              // Several endpoints on one page: each link names its own.
              aria-label={`View recent deliveries to ${endpoint.url}`}
              className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-xs font-medium text-slate-800 hover:bg-slate-50"
            >
              View recent deliveries
            </Link>
          ) : null}
          {canManage ? (
            <>
              <Button
                size="sm"
                variant="secondary"
                onClick={() => test.mutate()}
                disabled={test.isPending || !endpoint.enabled}
                title={endpoint.enabled ? undefined : "Enable the endpoint to send a test event"}
              >
                {test.isPending ? "Sending…" : "Send test event"}
              </Button>
              <Button size="sm" variant="secondary" onClick={() => setDialog("edit")}>
                Edit
              </Button>
              {endpoint.enabled ? (
                <Button size="sm" variant="secondary" onClick={() => setDialog("disable")}>
                  Disable
                </Button>
              ) : null}
              <Button size="sm" variant="secondary" className="text-red-700" onClick={() => setDialog("delete")}>
                Delete
              </Button>
            </>
          ) : null}
        </div>
      ) : null}

      {dialog === "edit" ? <EndpointFormDialog slug={slug} catalog={catalog} endpoint={endpoint} onClose={() => setDialog(null)} /> : null}
      {dialog === "disable" ? (
        <DisableDialog
          slug={slug}
          endpoint={endpoint}
          onDone={after}
          onClose={() => setDialog(null)}
          fallbackFocus={() => cardRef.current?.querySelector<HTMLElement>("[data-enable-endpoint]") ?? null}
        />
      ) : null}
      {dialog === "delete" ? (
        <DeleteDialog
          slug={slug}
          endpoint={endpoint}
          onClose={() => setDialog(null)}
          onDeleted={async () => {
            if (detail) router.push(webhooksHref(slug));
            await invalidate();
          }}
        />
      ) : null}
    </article>
  );
}

function DisableDialog({
  slug,
  endpoint,
  onDone,
  onClose,
  fallbackFocus,
}: {
  slug: string;
  endpoint: WebhookEndpointView;
  onDone: () => Promise<void>;
  onClose: () => void;
  fallbackFocus: () => HTMLElement | null;
}) {
  const mutation = useActionMutation(() => setWebhookEndpointEnabledAction(slug, { endpointId: endpoint.id, enabled: false }), {
    // The dialog writes a refusal itself.
    failureToast: false,
    onSuccess: async () => {
      // Refreshed first, so on close the Disable button is gone and focus lands on Enable.
      await onDone();
      onClose();
    },
  });
  return (
    <ConfirmDialog
      title="Disable this endpoint?"
      description="Events that happen while it is disabled are not sent, not even later. Deliveries waiting for a retry are marked failed; after enabling it, “Retry failed” sends them again."
      confirmLabel="Disable endpoint"
      pendingLabel="Disabling…"
      pending={mutation.isPending}
      failure={mutation.data && !mutation.data.ok ? mutation.data.message : null}
      onConfirm={() => mutation.mutate()}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
    >
      <p className="font-mono text-sm break-all text-slate-700">{endpoint.url}</p>
    </ConfirmDialog>
  );
}

function DeleteDialog({
  slug,
  endpoint,
  onClose,
  onDeleted,
}: {
  slug: string;
  endpoint: WebhookEndpointView;
  onClose: () => void;
  onDeleted: () => Promise<void>;
}) {
  const mutation = useActionMutation(() => deleteWebhookEndpointAction(slug, { endpointId: endpoint.id }), {
    // The dialog writes a refusal itself.
    failureToast: false,
    onSuccess: () => onDeleted(),
  });
  return (
    <ConfirmDialog
      title="Delete this endpoint?"
      description="No more events are sent to it, and its delivery history is deleted with it. This cannot be undone."
      confirmLabel="Delete endpoint"
      pendingLabel="Deleting…"
      pending={mutation.isPending}
      failure={mutation.data && !mutation.data.ok ? mutation.data.message : null}
      onConfirm={() => mutation.mutate()}
      onClose={onClose}
    >
      <p className="font-mono text-sm break-all text-slate-700">{endpoint.url}</p>
    </ConfirmDialog>
  );
}

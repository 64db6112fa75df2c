"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useActionMutation } from "@/components/ui/use-action-mutation";
import { Fragment, useState, type ReactNode } from "react";
import { retryFailedWebhookDeliveriesAction } from "@/lib/actions/webhooks";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import type { EventTypeOption } from "@/lib/webhooks/list-endpoint-views";
import { DeliveryAttempts } from "./delivery-attempts";
import { DeliveryStatusBadge } from "./delivery-status";
import { ReplayDialog, ReplayProgress } from "./replay-dialog";
import { useInvalidateWebhooks, useWebhookDeliveries, type DeliveriesPage } from "./use-webhooks";
import { TableFrame, type Column } from "@/components/ui/table-frame";
import { RefreshError } from "@/components/ui/refresh-error";
import { describeFailure } from "@/components/ui/fetch-json";

const DELIVERY_COLUMNS: Column[] = [
  { label: "Event" },
  { label: "Status" },
  { label: "Attempts", align: "right" },
  { label: "Time" },
  { label: "Duration", align: "right" },
];

interface Props {
  slug: string;
  endpoint: { id: string; enabled: boolean; health: { failedDeliveries: number } };
  catalog: EventTypeOption[];
  canManage: boolean;
  initial: { filterString: string; page: DeliveriesPage };
}

const FILTER_NAMES = ["status", "eventType"] as const;

/**
 * Recent deliveries of one endpoint: filters in the URL, refreshed every 3 s, each opens to its attempts.
 * A table from `xl` (where its five columns fit beside the sidebar), stacked cards below it; both are
 * rendered and CSS shows one, so the server's HTML already fits the screen.
 */
export function EndpointDeliveriesPanel({ slug, endpoint, catalog, canManage, initial }: Props) {
  const pathname = usePathname();
  const search = useSearchParams();
  const [open, setOpen] = useState<string | null>(null);
  const filters = new URLSearchParams(FILTER_NAMES.flatMap((name) => (search.get(name) ? [[name, search.get(name)!]] : [])));
  const filterString = filters.toString();
  const query = useWebhookDeliveries(slug, endpoint.id, filterString, initial);
  const rows = query.data?.pages.flatMap((p) => p.rows) ?? [];
  const invalidate = useInvalidateWebhooks(slug);
  const failed = endpoint.health.failedDeliveries;
  // Requeued is a toast; a refusal is written under the buttons.
  const retry = useActionMutation(() => retryFailedWebhookDeliveriesAction(slug, { endpointId: endpoint.id }), {
    onSuccess: () => invalidate(),
    failureToast: false,
  });

  function setFilter(name: (typeof FILTER_NAMES)[number], value: string) {
    // From the address bar as it is now, not as of the last render: two quick changes both stick.
    // The native history call updates useSearchParams without a server round trip; the query refetches.
    const params = new URLSearchParams(window.location.search);
    if (value) params.set(name, value);
    else params.delete(name);
    const text = params.toString();
    window.history.replaceState(null, "", text ? `${pathname}?${text}` : pathname);
  }

  return (
    <section aria-labelledby="recent-deliveries" className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h2 id="recent-deliveries" className="text-base font-semibold text-slate-900">
            Recent deliveries
          </h2>
          <p className="text-xs text-slate-500">Newest first, refreshed every 3 seconds.</p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="delivery-status-filter" className="block text-xs font-medium text-slate-700">
              Status
            </label>
            <Select
              id="delivery-status-filter"
              value={search.get("status") ?? ""}
              onChange={(event) => setFilter("status", event.target.value)}
              className="mt-1 w-36"
            >
              <option value="">All</option>
              <option value="succeeded">Succeeded</option>
              <option value="failed">Failed</option>
              <option value="pending">Pending</option>
            </Select>
          </div>
          <div>
            <label htmlFor="delivery-event-filter" className="block text-xs font-medium text-slate-700">
              Event type
            </label>
            <Select
              id="delivery-event-filter"
              value={search.get("eventType") ?? ""}
              onChange={(event) => setFilter("eventType", event.target.value)}
              className="mt-1 w-52"
            >
              <option value="">All event types</option>
              <option value="ping">ping (test event)</option>
              {catalog.map((option) => (
                <option key={option.type} value={option.type}>
                  {option.type}
                </option>
              ))}
            </Select>
          </div>
          {canManage ? (
            <>
              <RetryFailedButton failed={failed} enabled={endpoint.enabled} pending={retry.isPending} onRetry={() => retry.mutate()} />
              <ReplayDialog slug={slug} endpoint={endpoint} />
            </>
          ) : null}
        </div>
      </div>
      {retry.data && !retry.data.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {retry.data.message}
        </p>
      ) : null}

      <ReplayProgress slug={slug} endpointId={endpoint.id} />
      <RefreshError query={query} what="the deliveries" />
      {query.isError && !query.isRefetchError ? (
        <p role="alert" className="text-sm text-red-700">
          {describeFailure(query.error)}
        </p>
      ) : null}
      {query.isPending ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : rows.length === 0 ? (
        <EmptyState
          title={filterString ? "No deliveries match" : "No deliveries yet"}
          description={
            filterString
              ? "Try another status or event type."
              : "Deliveries appear here within a second of an event. Send a test event to try the endpoint."
          }
        />
      ) : (
        <>
          <ul className="space-y-3 xl:hidden" aria-label="Recent deliveries">
            {rows.map((row) => (
              <DeliveryCard
                key={row.id}
                row={row}
                expanded={open === row.id}
                onToggle={() => setOpen(open === row.id ? null : row.id)}
                paused={!endpoint.enabled}
              >
                <DeliveryAttempts slug={slug} endpoint={endpoint} deliveryId={row.id} canManage={canManage} />
              </DeliveryCard>
            ))}
          </ul>
          <div className="hidden xl:block">
            <TableFrame columns={DELIVERY_COLUMNS} label="Recent deliveries">
              {rows.map((row) => {
                const expanded = open === row.id;
                const toggle = () => setOpen(expanded ? null : row.id);
                return (
                  <Fragment key={row.id}>
                    <tr
                      data-testid="delivery-row"
                      data-status={row.status}
                      data-status-code={row.lastStatusCode ?? ""}
                      onClick={toggle}
                      className="cursor-pointer hover:bg-slate-50"
                    >
                      <td className="px-4 py-2">
                        <button
                          type="button"
                          aria-expanded={expanded}
                          aria-controls={`delivery-${row.id}`}
                          onClick={(event) => {
                            event.stopPropagation();
                            toggle();
                          }}
                          className="flex items-start gap-2 text-left"
                        >
                          <span aria-hidden className="mt-0.5 text-slate-400">
                            {expanded ? "▾" : "▸"}
                          </span>
                          <span>
                            <span className="block font-mono text-xs font-medium text-slate-900">{row.eventType}</span>
                            <span className="block font-mono text-[11px] text-slate-500">{row.id}</span>
                          </span>
                        </button>
                      </td>
                      <td className="px-4 py-2">
                        <DeliveryStatusBadge delivery={row} paused={!endpoint.enabled} />
                      </td>
                      <td className="px-4 py-2 text-right tabular-nums">{row.attemptCount}</td>
                      <td className="px-4 py-2">
                        <RelativeTime value={row.createdAt} />
                      </td>
                      <td className="px-4 py-2 text-right tabular-nums">
                        {row.lastDurationMs === null ? "–" : `${row.lastDurationMs} ms`}
                      </td>
                    </tr>
                    {expanded ? (
                      <tr id={`delivery-${row.id}`}>
                        <td colSpan={5} className="bg-slate-50 px-4 py-4">
                          <DeliveryAttempts slug={slug} endpoint={endpoint} deliveryId={row.id} canManage={canManage} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </TableFrame>
          </div>
        </>
      )}
      <LoadMore query={query} />
    </section>
  );
}

type Row = DeliveriesPage["rows"][number];

/** "Retry 3 failed"; disabled, and saying why, when nothing failed or the endpoint is disabled. */
function RetryFailedButton({
  failed,
  enabled,
  pending,
  onRetry,
}: {
  failed: number;
  enabled: boolean;
  pending: boolean;
  onRetry: () => void;
}) {
  const why = !enabled ? "Enable the endpoint to retry" : failed === 0 ? "No failed deliveries to retry" : null;
  return (
    <Button
      variant="secondary"
      onClick={onRetry}
      disabled={pending || why !== null}
      title={why ?? `Queue one more attempt of ${failed === 1 ? "the failed delivery" : `all ${failed} failed deliveries`}`}
    >
      {pending ? "Retrying…" : failed > 0 ? `Retry ${failed} failed` : "Retry failed"}
      {why && !pending ? <span className="sr-only"> – {why}</span> : null}
    </Button>
  );
}

/** A delivery on a narrow screen: event, plain status, attempts and time stacked, and a button that opens its attempts. */
function DeliveryCard({
  row,
  expanded,
  onToggle,
  paused,
  children,
}: {
  row: Row;
  expanded: boolean;
  onToggle: () => void;
  paused: boolean;
  children: ReactNode;
}) {
  const panelId = `delivery-card-${row.id}`;
  return (
    <li
      data-testid="delivery-card"
      data-status={row.status}
      data-status-code={row.lastStatusCode ?? ""}
      className="min-w-0 rounded-lg border border-slate-200 bg-white"
    >
      <div className="space-y-2 p-3">
        <div className="min-w-0">
          <p className="font-mono text-xs font-medium break-all text-slate-900">{row.eventType}</p>
          <p className="font-mono text-[11px] break-all text-slate-500">{row.id}</p>
        </div>
        <DeliveryStatusBadge delivery={row} paused={paused} />
        <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
          <span>
            {row.attemptCount} {row.attemptCount === 1 ? "attempt" : "attempts"}
          </span>
          <RelativeTime value={row.createdAt} />
          {row.lastDurationMs === null ? null : <span className="tabular-nums">{row.lastDurationMs} ms</span>}
        </p>
        <Button size="sm" variant="secondary" aria-expanded={expanded} aria-controls={panelId} onClick={onToggle}>
          {expanded ? "Hide attempts" : "Show attempts"}
          <span className="sr-only">
            {" "}
            of {row.eventType} {row.id}
          </span>
        </Button>
      </div>
      {expanded ? (
        <div id={panelId} className="border-t border-slate-100 bg-slate-50 p-3">
          {children}
        </div>
      ) : null}
    </li>
  );
}

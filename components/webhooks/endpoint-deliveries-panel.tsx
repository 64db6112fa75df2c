"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useActionMutation } from "@/components/ui/use-action-mutation";
import { Fragment, useState } from "react";
import { retryFailedWebhookDeliveriesAction } from "@/lib/actions/webhooks";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import type { EventTypeOption } from "@/lib/webhooks/list-endpoint-views";
import { DeliveryAttempts } from "./delivery-attempts";
import { DeliveryStatusBadge } from "./delivery-status";
import { useInvalidateWebhooks, useWebhookDeliveries, type DeliveriesPage } from "./use-webhooks";
import { TableFrame, type Column } from "@/components/ui/table-frame";

const DELIVERY_COLUMNS: Column[] = [
  { label: "Event" },
  { label: "Status" },
  { label: "Attempts", align: "right" },
  { label: "Time" },
  { label: "Duration", align: "right" },
];

interface Props {
  slug: string;
  endpoint: { id: string; enabled: boolean };
  catalog: EventTypeOption[];
  canManage: boolean;
  initial: { filterString: string; page: DeliveriesPage };
}

const FILTER_NAMES = ["status", "eventType"] as const;

/** Recent deliveries of one endpoint: filters in the URL, refreshed every 3 s, each row opens to its attempts. */
export function EndpointDeliveriesPanel({ slug, endpoint, catalog, canManage, initial }: Props) {
  const pathname = usePathname();
  const search = useSearchParams();
  const [open, setOpen] = useState<string | null>(null);
  const filters = new URLSearchParams(FILTER_NAMES.flatMap((name) => (search.get(name) ? [[name, search.get(name)!]] : [])));
  const filterString = filters.toString();
  const query = useWebhookDeliveries(slug, endpoint.id, filterString, initial);
  const rows = query.data?.pages.flatMap((p) => p.rows) ?? [];
  const invalidate = useInvalidateWebhooks(slug);
  const retry = useActionMutation(() => retryFailedWebhookDeliveriesAction(slug, { endpointId: endpoint.id }), {
    onSuccess: () => invalidate(),
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
            <Button
              variant="secondary"
              onClick={() => retry.mutate()}
              disabled={retry.isPending || !endpoint.enabled}
              title={endpoint.enabled ? "Queue one more attempt of every failed delivery" : "Enable the endpoint to retry"}
            >
              {retry.isPending ? "Retrying…" : "Retry all failed"}
            </Button>
          ) : null}
        </div>
      </div>
      {retry.data ? (
        <p role={retry.data.ok ? "status" : "alert"} className={retry.data.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
          {retry.data.message}
        </p>
      ) : null}

      {query.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {query.error.message}
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
                  <td className="px-4 py-2 text-right tabular-nums">{row.lastDurationMs === null ? "–" : `${row.lastDurationMs} ms`}</td>
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
      )}
      <LoadMore query={query} />
    </section>
  );
}

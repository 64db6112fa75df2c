"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { Fragment, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { describeFailure, fetchJson } from "@/components/ui/fetch-json";
import { LoadMore } from "@/components/ui/load-more";
import { RefreshError } from "@/components/ui/refresh-error";
import { TableFrame, type Column } from "@/components/ui/table-frame";
import type { RequestLogRow } from "@/lib/request-logs/list-request-logs";
import {
  logFilterParsers,
  logFilterQuery,
  logFilterUrlOptions,
  resolveLogFilters,
  type LogFilterValues,
} from "@/lib/request-logs/log-filter-params";
import { LogDetail } from "./log-detail";
import { LogFilterForm } from "./log-filter-form";
import { statusLabel, statusTone } from "./log-status";

const LOG_COLUMNS: Column[] = [
  { label: "Time" },
  { label: "Method" },
  { label: "Path" },
  { label: "Status" },
  { label: "Duration", align: "right" },
  { label: "Key" },
];

interface Page {
  rows: RequestLogRow[];
  nextCursor: string | null;
}

const timeOf = (row: RequestLogRow) => new Date(row.createdAt).toLocaleString("en-GB");
const keyModeOf = (key: NonNullable<RequestLogRow["key"]>) => `${key.mode === "LIVE" ? "live" : "test"} …${key.last4}`;

export function RequestLogsPanel({
  slug,
  initial,
  initialQuery,
  keys,
  retentionDays,
}: {
  slug: string;
  initial: Page;
  /** The applied filters the server rendered `initial` for (canonical query string). */
  initialQuery: string;
  keys: { id: string; label: string }[];
  retentionDays: number;
}) {
  const [urlFilters, setUrlFilters] = useQueryStates(logFilterParsers, logFilterUrlOptions);
  const [live, setLive] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const { applied, ignored } = resolveLogFilters(urlFilters);
  const filterQuery = logFilterQuery(applied);
  const urlQuery = logFilterQuery(urlFilters);
  const hasFilters = urlQuery !== "";

  const query = useInfiniteQuery({
    queryKey: ["request-logs", slug, filterQuery],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(filterQuery);
      if (pageParam) params.set("cursor", pageParam);
      return fetchJson<Page>(`/api/dashboard/properties/${encodeURIComponent(slug)}/request-logs?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // The server's rows belong to the filters it rendered; any other filters start from a fetch.
    ...(filterQuery === initialQuery ? { initialData: { pages: [initial], pageParams: [null] } } : {}),
    refetchInterval: live ? 3_000 : false,
  });
  const rows = query.data?.pages.flatMap((p) => p.rows) ?? [];

  const apply = (next: Partial<LogFilterValues>) => void setUrlFilters(next);
  const clear = () => void setUrlFilters(null);
  const toggle = (id: string) => setOpen((current) => (current === id ? null : id));

  let list;
  if (query.isPending) list = <p className="text-sm text-slate-500">Loading…</p>;
  else if (query.isError && rows.length === 0)
    list = (
      <p role="alert" className="text-sm text-red-700">
        Could not load the logs: {describeFailure(query.error)}
      </p>
    );
  else if (rows.length === 0)
    list = filterQuery ? (
      <EmptyState
        title="No entries match these filters"
        description="Widen the date range or clear the filters to see every call."
        action={<Button onClick={clear}>Clear filters</Button>}
      />
    ) : (
      <EmptyState title="No API requests yet" description="Calls to this property's API appear here within a second." />
    );
  else
    list = (
      <>
        {/* Phones and tablets: one card per entry. */}
        <ul className="space-y-2 xl:hidden" aria-label="Request log entries">
          {rows.map((row) => (
            <li
              key={row.id}
              data-testid="log-card"
              data-status={row.status}
              className="rounded-lg border border-slate-200 bg-white p-3 text-sm"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="text-xs text-slate-600">{timeOf(row)}</span>
                <StatusBadge row={row} />
              </div>
              <p className="mt-1 font-mono text-xs break-all">
                <span className="font-semibold">{row.method}</span> {row.path}
              </p>
              <div className="mt-1 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600">
                <span className="tabular-nums">{row.durationMs} ms</span>
                <KeyName row={row} />
              </div>
              <Button
                variant="secondary"
                size="sm"
                className="mt-2"
                aria-expanded={open === row.id}
                aria-controls={`log-card-detail-${row.id}`}
                aria-label={`${timeOf(row)} ${row.method} ${row.path} ${row.status}: ${open === row.id ? "hide" : "show"} details`}
                onClick={() => toggle(row.id)}
              >
                {open === row.id ? "Hide details" : "Details"}
              </Button>
              {open === row.id ? (
                <div id={`log-card-detail-${row.id}`} className="mt-3 border-t border-slate-100 pt-3">
                  <LogDetail slug={slug} id={row.id} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        <div className="hidden xl:block">
          <TableFrame columns={LOG_COLUMNS} label="Request log entries">
            {rows.map((row) => (
              <Fragment key={row.id}>
                {/* A click anywhere on the row opens it; keyboards and screen readers use the button in its first cell. */}
                <tr
                  data-testid="log-row"
                  data-status={row.status}
                  onClick={() => toggle(row.id)}
                  className="cursor-pointer hover:bg-slate-50"
                >
                  <td className="px-4 py-2 whitespace-nowrap" title={row.createdAt}>
                    <button
                      type="button"
                      aria-expanded={open === row.id}
                      aria-controls={`log-detail-${row.id}`}
                      aria-label={`${timeOf(row)} ${row.method} ${row.path} ${row.status}: ${open === row.id ? "hide" : "show"} details`}
                      onClick={(event) => {
                        event.stopPropagation();
                        toggle(row.id);
                      }}
                      className="rounded text-left underline-offset-2 hover:underline focus:ring-2 focus:ring-brand-100 focus:outline-none"
                    >
                      {timeOf(row)}
                    </button>
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{row.method}</td>
                  <td className="min-w-56 px-4 py-2 font-mono text-xs break-all">{row.path}</td>
                  <td className="px-4 py-2">
                    <StatusBadge row={row} />
                  </td>
                  <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">{row.durationMs} ms</td>
                  <td className="min-w-36 px-4 py-2">
                    <KeyName row={row} />
                  </td>
                </tr>
                {open === row.id ? (
                  <tr id={`log-detail-${row.id}`}>
                    <td colSpan={6} className="max-w-0 bg-slate-50 px-4 py-4">
                      <LogDetail slug={slug} id={row.id} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </TableFrame>
        </div>
      </>
    );

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">Every call to this property&apos;s API, newest first. Entries are kept {retentionDays} days.</p>
      {/* Remounted when the URL's fields change (Back, Clear), not when a method is ticked: that applies at once and keeps focus. */}
      <LogFilterForm
        key={logFilterQuery({ ...urlFilters, method: [] })}
        values={urlFilters}
        keys={keys}
        hasFilters={hasFilters}
        onApply={apply}
        onClear={clear}
      />
      {ignored.length > 0 ? (
        <div role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {ignored.map((filter) => (
            <p key={filter.field}>
              Ignored the {filter.label} filter “{filter.value}”: {filter.message}.
            </p>
          ))}
        </div>
      ) : null}

      <div className="flex flex-wrap items-center justify-between gap-2">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={live} onChange={(event) => setLive(event.target.checked)} />
          Live (refresh every 3 s)
        </label>
        <span className="flex items-center gap-3">
          {query.isFetching && !query.isPending ? <span className="text-xs text-slate-500">Refreshing…</span> : null}
          <a
            href={`/api/dashboard/properties/${encodeURIComponent(slug)}/request-logs/export${filterQuery ? `?${filterQuery}` : ""}`}
            className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-xs font-medium text-slate-800 hover:bg-slate-50"
          >
            Export CSV
          </a>
        </span>
      </div>
      <RefreshError query={query} what="the logs" />
      {list}
      <LoadMore query={query} />
    </div>
  );
}

function StatusBadge({ row }: { row: RequestLogRow }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5 gap-y-0.5">
      <Badge tone={statusTone(row.status)}>{statusLabel(row.status, row.errorCode)}</Badge>
      {row.errorCode ? <span className="font-mono text-[11px] text-slate-500">{row.errorCode}</span> : null}
    </span>
  );
}

function KeyName({ row }: { row: RequestLogRow }) {
  if (!row.key) return <span className="font-mono text-xs break-all text-slate-600">{row.keyPreview ?? "No key"}</span>;
  return (
    <span className="flex min-w-0 flex-col">
      <span className="font-medium break-words text-slate-800">{row.key.name}</span>
      <span className="font-mono text-xs text-slate-500">{keyModeOf(row.key)}</span>
    </span>
  );
}

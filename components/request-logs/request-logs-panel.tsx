"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Fragment, useState, type FormEvent } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/field";
import type { RequestLogDetail, RequestLogRow } from "@/lib/request-logs/list-request-logs";
import { curlFor } from "./curl";
import { TableFrame, type Column } from "@/components/ui/table-frame";

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

const STATUS_TONE = (status: number): BadgeTone => (status >= 500 ? "red" : status >= 400 ? "amber" : status >= 300 ? "blue" : "green");
const METHODS = ["GET", "POST", "PATCH", "DELETE"];

function pretty(text: string | null): string {
  if (!text) return "";
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function RequestLogsPanel({
  slug,
  initial,
  keys,
  retentionDays,
}: {
  slug: string;
  initial: Page;
  keys: { id: string; label: string }[];
  retentionDays: number;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [live, setLive] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const filterString = search.toString();
  const methods = (search.get("method") ?? "").split(",").filter(Boolean);

  const query = useInfiniteQuery({
    queryKey: ["request-logs", slug, filterString],
    queryFn: async ({ pageParam }): Promise<Page> => {
      const params = new URLSearchParams(filterString);
      if (pageParam) params.set("cursor", pageParam);
      const response = await fetch(`/api/dashboard/properties/${encodeURIComponent(slug)}/request-logs?${params}`, { cache: "no-store" });
      if (!response.ok) throw new Error(`Could not load logs (${response.status})`);
      return (await response.json()) as Page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [initial], pageParams: [null] },
    refetchInterval: live ? 3_000 : false,
  });
  const rows = query.data.pages.flatMap((p) => p.rows);

  function setFilters(next: Record<string, string | null>) {
    const params = new URLSearchParams(filterString);
    for (const [name, value] of Object.entries(next)) {
      if (value) params.set(name, value);
      else params.delete(name);
    }
    const text = params.toString();
    router.replace(text ? `${pathname}?${text}` : pathname);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const range = String(form.get("range") ?? "");
    setFilters({
      status: String(form.get("status") ?? "").trim() || null,
      range: range || null,
      from: range === "custom" ? String(form.get("from") ?? "") || null : null,
      to: range === "custom" ? String(form.get("to") ?? "") || null : null,
      key: String(form.get("key") ?? "") || null,
      path: String(form.get("path") ?? "").trim() || null,
      requestId: String(form.get("requestId") ?? "").trim() || null,
    });
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">Every call to this property&apos;s API, newest first. Entries are kept {retentionDays} days.</p>
      <form
        key={filterString}
        onSubmit={onSubmit}
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
        aria-label="Filter request logs"
      >
        <fieldset className="sm:col-span-2 lg:col-span-4">
          <legend className="mb-1 text-sm font-medium text-slate-700">Method</legend>
          <div className="flex flex-wrap gap-3">
            {METHODS.map((method) => (
              <label key={method} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={methods.includes(method)}
                  onChange={(event) =>
                    setFilters({
                      method: (event.target.checked ? [...methods, method] : methods.filter((m) => m !== method)).join(",") || null,
                    })
                  }
                />
                {method}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="text-sm font-medium text-slate-700">
          Status
          <Input name="status" defaultValue={search.get("status") ?? ""} placeholder="404 or 4xx" className="mt-1" />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Date range
          <Select name="range" defaultValue={search.get("range") ?? ""} className="mt-1">
            <option value="">Any time</option>
            <option value="1h">Last hour</option>
            <option value="24h">Last 24 hours</option>
            <option value="7d">Last 7 days</option>
            <option value="30d">Last 30 days</option>
            <option value="custom">Custom…</option>
          </Select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          From (custom)
          <Input name="from" type="datetime-local" defaultValue={search.get("from") ?? ""} className="mt-1" />
        </label>
        <label className="text-sm font-medium text-slate-700">
          To (custom)
          <Input name="to" type="datetime-local" defaultValue={search.get("to") ?? ""} className="mt-1" />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Key
          <Select name="key" defaultValue={search.get("key") ?? ""} className="mt-1">
            <option value="">All keys</option>
            {keys.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          Path contains
          <Input name="path" defaultValue={search.get("path") ?? ""} placeholder="/reservations" className="mt-1" />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Request id
          <Input name="requestId" defaultValue={search.get("requestId") ?? ""} placeholder="req_…" className="mt-1" />
        </label>
        <div className="flex items-end gap-2">
          <Button type="submit">Apply filters</Button>
          {filterString ? (
            <Button variant="ghost" onClick={() => router.replace(pathname)}>
              Clear
            </Button>
          ) : null}
        </div>
      </form>

      <div className="flex items-center justify-between">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={live} onChange={(event) => setLive(event.target.checked)} />
          Live (refresh every 3 s)
        </label>
        <span className="flex items-center gap-3">
          {query.isFetching ? <span className="text-xs text-slate-500">Refreshing…</span> : null}
          <a
            href={`/api/dashboard/properties/${encodeURIComponent(slug)}/request-logs/export${filterString ? `?${filterString}` : ""}`}
            className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-xs font-medium text-slate-800 hover:bg-slate-50"
          >
            Export CSV
          </a>
        </span>
      </div>

      {rows.length === 0 ? (
        <EmptyState title="No API requests match" description="Calls to this property's API appear here within a second." />
      ) : (
        <TableFrame columns={LOG_COLUMNS}>
          {rows.map((row) => (
            <Fragment key={row.id}>
              {/* A click anywhere on the row opens it; keyboards and screen readers use the button in its first cell. */}
              <tr
                data-testid="log-row"
                data-status={row.status}
                onClick={() => setOpen(open === row.id ? null : row.id)}
                className="cursor-pointer hover:bg-slate-50"
              >
                <td className="px-4 py-2 whitespace-nowrap" title={row.createdAt}>
                  <button
                    type="button"
                    aria-expanded={open === row.id}
                    aria-controls={`log-detail-${row.id}`}
                    aria-label={`${new Date(row.createdAt).toLocaleString("en-GB")} ${row.method} ${row.path} ${row.status}: show details`}
                    onClick={(event) => {
                      event.stopPropagation();
                      setOpen(open === row.id ? null : row.id);
                    }}
                    className="rounded text-left underline-offset-2 hover:underline focus:ring-2 focus:ring-brand-100 focus:outline-none"
                  >
                    {new Date(row.createdAt).toLocaleString("en-GB")}
                  </button>
                </td>
                <td className="px-4 py-2 font-mono text-xs">{row.method}</td>
                <td className="px-4 py-2 font-mono text-xs">{row.path}</td>
                <td className="px-4 py-2">
                  <Badge tone={STATUS_TONE(row.status)}>
                    {row.status}
                    {row.errorCode ? ` ${row.errorCode}` : ""}
                  </Badge>
                </td>
                <td className="px-4 py-2 text-right tabular-nums">{row.durationMs} ms</td>
                <td className="px-4 py-2 font-mono text-xs whitespace-nowrap">{row.keyPreview}</td>
              </tr>
              {open === row.id ? (
                <tr id={`log-detail-${row.id}`}>
                  <td colSpan={6} className="bg-slate-50 px-4 py-4">
                    <LogDetail slug={slug} id={row.id} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </TableFrame>
      )}
      <LoadMore query={query} />
    </div>
  );
}

function LogDetail({ slug, id }: { slug: string; id: string }) {
  const detail = useQuery({
    queryKey: ["request-log", slug, id],
    queryFn: async (): Promise<RequestLogDetail> => {
      const response = await fetch(`/api/dashboard/properties/${encodeURIComponent(slug)}/request-logs/${encodeURIComponent(id)}`, {
        cache: "no-store",
      });
      if (!response.ok) throw new Error(`Could not load the entry (${response.status})`);
      return (await response.json()) as RequestLogDetail;
    },
    staleTime: Infinity,
  });
  if (detail.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (detail.isError)
    return (
      <p role="alert" className="text-sm text-red-700">
        {detail.error.message}
      </p>
    );
  const entry = detail.data;
  const blocks: [string, string][] = [
    ["Query parameters", JSON.stringify(entry.query, null, 2)],
    ["Request headers", JSON.stringify(entry.requestHeaders, null, 2)],
    ["Request body", pretty(entry.requestBody) || "(none)"],
    ["Response body", pretty(entry.responseBody) || "(none)"],
  ];
  return (
    <div className="space-y-3" data-testid="log-detail">
      <div className="flex flex-wrap items-center gap-3 text-xs text-slate-600">
        <span className="font-mono">{entry.id}</span>
        <span>{entry.mode === "TEST" ? "Test mode" : "Live mode"}</span>
        {entry.partnerName ? <span>Partner: {entry.partnerName}</span> : null}
        {entry.ip ? <span>IP {entry.ip}</span> : null}
        {entry.userAgent ? <span className="truncate">UA {entry.userAgent}</span> : null}
        <CopyButton value={curlFor(entry, window.location.origin)} label="Copy as curl" />
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        {blocks.map(([title, text]) => (
          <section key={title} aria-label={title} className="min-w-0">
            <div className="mb-1 flex items-center justify-between">
              <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{title}</h4>
              <CopyButton value={text} aria-label={`Copy ${title.toLowerCase()}`} />
            </div>
            <pre className="max-h-80 overflow-auto rounded-md border border-slate-200 bg-white p-3 font-mono text-xs">{text}</pre>
          </section>
        ))}
      </div>
    </div>
  );
}

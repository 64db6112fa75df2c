"use client";

import { useQuery } from "@tanstack/react-query";
import { CopyButton } from "@/components/ui/copy-button";
import { describeFailure, fetchJson } from "@/components/ui/fetch-json";
import type { RequestLogDetail } from "@/lib/request-logs/list-request-logs";
import { curlFor } from "./curl";

function pretty(text: string | null): string {
  if (!text) return "";
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

const json = (value: unknown) =>
  value && typeof value === "object" && Object.keys(value).length > 0 ? JSON.stringify(value, null, 2) : "(none)";

/** One entry's headers and bodies, read when it is opened. */
export function LogDetail({ slug, id }: { slug: string; id: string }) {
  const detail = useQuery({
    queryKey: ["request-log", slug, id],
    queryFn: () =>
      fetchJson<RequestLogDetail>(`/api/dashboard/properties/${encodeURIComponent(slug)}/request-logs/${encodeURIComponent(id)}`),
    staleTime: Infinity,
  });
  if (detail.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (detail.isError)
    return (
      <p role="alert" className="text-sm text-red-700">
        Could not load the entry: {describeFailure(detail.error)}
      </p>
    );
  const entry = detail.data;
  const blocks: [string, string][] = [
    ["Query parameters", json(entry.query)],
    ["Request headers", json(entry.requestHeaders)],
    ["Request body", pretty(entry.requestBody) || "(none)"],
    ["Response headers", json(entry.responseHeaders)],
    ["Response body", pretty(entry.responseBody) || "(none)"],
  ];
  return (
    <div className="min-w-0 space-y-3" data-testid="log-detail">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
        <span className="font-mono break-all">{entry.id}</span>
        <span>{entry.mode === "TEST" ? "Test mode" : "Live mode"}</span>
        {entry.partnerName ? <span>Partner: {entry.partnerName}</span> : null}
        {entry.ip ? <span>IP {entry.ip}</span> : null}
        {entry.userAgent ? <span className="max-w-full break-all">UA {entry.userAgent}</span> : null}
        <CopyButton value={curlFor(entry, window.location.origin)} label="Copy as curl" />
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        {blocks.map(([title, text]) => (
          <div key={title} className="min-w-0">
            <div className="mb-1 flex items-center justify-between gap-2">
              <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{title}</h4>
              <CopyButton value={text} aria-label={`Copy ${title.toLowerCase()}`} />
            </div>
            {/* Focusable so a keyboard can scroll a long body; wrapped so no line widens the page. */}
            <pre
              role="region"
              aria-label={title}
              tabIndex={0}
              className="max-h-80 overflow-auto rounded-md border border-slate-200 bg-white p-3 font-mono text-xs break-all whitespace-pre-wrap focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
            >
              {text}
            </pre>
          </div>
        ))}
      </div>
    </div>
  );
}

"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";
import { LoadMore } from "@/components/ui/load-more";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ActivityEntry } from "@/lib/audit/list-property-activity";
import { cn } from "@/lib/ui/cn";

interface Page {
  rows: ActivityEntry[];
  nextCursor: string | null;
}

/** The trail, newest first: the server renders the first page, "Load more" fetches the next with the same filters. */
export function ActivityList({ slug, filterString, initial }: { slug: string; filterString: string; initial: Page }) {
  const query = useInfiniteQuery({
    queryKey: ["activity", slug, filterString],
    queryFn: async ({ pageParam }): Promise<Page> => {
      const params = new URLSearchParams(filterString);
      if (pageParam) params.set("cursor", pageParam);
      return fetchJson<Page>(`/api/dashboard/properties/${encodeURIComponent(slug)}/activity?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [initial], pageParams: [null] },
  });
  const rows = query.data.pages.flatMap((p) => p.rows);

  return (
    <div className="space-y-4">
      {/* A list, not a table: on a phone each entry is a card, on a wide screen a row. */}
      <ol
        aria-label="Activity"
        className="space-y-2 md:space-y-0 md:divide-y md:divide-slate-100 md:rounded-lg md:border md:border-slate-200 md:bg-white"
      >
        {rows.map((row) => (
          <li
            key={row.id}
            data-testid="activity-entry"
            data-action={row.action}
            className={cn(
              "rounded-lg border border-slate-200 bg-white p-3 md:flex md:items-start md:justify-between md:gap-4 md:rounded-none md:border-0 md:px-4",
              row.warning && "border-l-4 border-l-amber-500 md:border-l-4",
            )}
          >
            <div className="min-w-0">
              <p className="text-sm font-medium break-words text-slate-900">{row.sentence}</p>
              <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
                <span>
                  <span className="sr-only">Actor: </span>
                  {row.actor}
                </span>
                <code className="rounded bg-slate-100 px-1 font-mono text-[11px] break-all text-slate-700">{row.action}</code>
                {row.ip ? <span>IP {row.ip}</span> : null}
              </p>
            </div>
            <div className="mt-2 shrink-0 text-xs text-slate-600 md:mt-0">
              <RelativeTime value={row.createdAt} />
            </div>
          </li>
        ))}
      </ol>
      {query.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {query.error.message}
        </p>
      ) : null}
      <LoadMore query={query} />
    </div>
  );
}

"use client";

import { describeFailure } from "./fetch-json";
import { Button } from "./button";

/** "Load more" under a keyset-paged list (a TanStack infinite query); a page that failed says why and offers the retry. */
export function LoadMore({
  query,
}: {
  query: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    isFetchNextPageError?: boolean;
    error?: unknown;
    fetchNextPage: () => Promise<unknown>;
  };
}) {
  if (!query.hasNextPage) return null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
        {query.isFetchingNextPage ? "Loading…" : query.isFetchNextPageError ? "Try again" : "Load more"}
      </Button>
      {query.isFetchNextPageError && !query.isFetchingNextPage ? (
        <p role="alert" className="text-sm text-red-700">
          Could not load more: {describeFailure(query.error)}
        </p>
      ) : null}
    </div>
  );
}

"use client";

import { describeFailure } from "./fetch-json";

/**
 * The line shown above data that is refreshed in the background when the refresh fails: what is on
 * screen stays (it is the last good answer) and the manager is told it may be out of date, and why.
 */
export function RefreshError({ query, what }: { query: { isRefetchError: boolean; error: unknown }; what: string }) {
  if (!query.isRefetchError) return null;
  return (
    <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      Could not refresh {what}, so this may be out of date: {describeFailure(query.error)}
    </p>
  );
}

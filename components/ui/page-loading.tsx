/** What a dashboard section shows while it renders on the server. */
export function PageLoading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4" data-testid="page-loading">
      <div className="h-1 w-full overflow-hidden rounded bg-slate-100">
        <div className="h-full w-1/3 animate-pulse rounded bg-brand-500" />
      </div>
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-32 w-full animate-pulse rounded-lg bg-slate-100" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}

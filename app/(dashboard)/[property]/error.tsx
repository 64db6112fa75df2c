"use client";
// A page of the dashboard failed to render: the shell and navigation stay, the manager is told what
// happened and can try again; the reference ties this screen to the server's log line.
import { Button } from "@/components/ui/button";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-red-200 bg-red-50 p-6 text-sm text-red-900">
      <h1 className="text-lg font-semibold">This page could not be loaded</h1>
      <p className="mt-2">
        Something went wrong on our side, or the database is unavailable for a moment. Nothing you entered was lost by this; try again.
      </p>
      {error.digest ? (
        <p className="mt-2 font-mono text-xs text-red-800">
          Reference: <span data-testid="error-reference">{error.digest}</span>
        </p>
      ) : null}
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}

"use client";

import { formatDistanceToNowStrict } from "date-fns";
import { Badge, type BadgeTone } from "@/components/ui/badge";

export const HTTP_TONE = (status: number | null): BadgeTone =>
  status === null || status >= 400 ? "red" : status >= 300 ? "amber" : "green";

/** A response's status code, or "Error" when no answer came (refused, timed out, TLS…). */
export function ResponseBadge({ status, error }: { status: number | null; error?: string | null }) {
  return (
    <Badge tone={HTTP_TONE(status)} className="font-mono">
      <span title={error ?? undefined}>{status ?? "Error"}</span>
    </Badge>
  );
}

interface DeliveryState {
  status: "PENDING" | "SUCCEEDED" | "FAILED";
  lastStatusCode: number | null;
  lastError: string | null;
  attemptCount: number;
  nextAttemptAt: string | null;
}

/** "Pending – next try in 5 minutes", measured from the viewer's clock. */
function pendingLabel(nextAttemptAt: string | null, answered: boolean): string {
  const next = nextAttemptAt ? new Date(nextAttemptAt) : null;
  if (!next || next.getTime() <= Date.now()) return answered ? "Pending – retrying now" : "Pending – sending";
  return `Pending – next try in ${formatDistanceToNowStrict(next)}`;
}

/** Where a delivery stands: "200", "500 · Failed", "Pending – next try in 5 minutes". */
export function DeliveryStatusBadge({ delivery, paused = false }: { delivery: DeliveryState; paused?: boolean }) {
  const answered = delivery.attemptCount > 0;
  if (delivery.status === "SUCCEEDED") return <ResponseBadge status={delivery.lastStatusCode} />;
  if (delivery.status === "FAILED") {
    return (
      <span className="inline-flex flex-wrap items-center gap-1">
        {answered ? <ResponseBadge status={delivery.lastStatusCode} error={delivery.lastError} /> : null}
        <Badge tone="red">Failed</Badge>
      </span>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {answered ? <ResponseBadge status={delivery.lastStatusCode} error={delivery.lastError} /> : null}
      <Badge tone="amber" className="whitespace-nowrap">
        <span suppressHydrationWarning>
          {paused ? "Pending – paused while the endpoint is disabled" : pendingLabel(delivery.nextAttemptAt, answered)}
        </span>
      </Badge>
    </span>
  );
}

"use client";

import { Badge } from "@/components/ui/badge";
import {
  describeAttemptOutcome,
  describeDeliveryStatus,
  type AttemptOutcome,
  type DeliveryState,
} from "@/lib/webhooks/describe-attempt-outcome";

/** Plain words in a badge, the raw code (`HTTP 500`, `ECONNREFUSED`) in small mono text beside it. */
export function OutcomeLabel({ outcome, title }: { outcome: AttemptOutcome; title?: string | null }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-0.5" title={title ?? undefined}>
      <Badge tone={outcome.tone}>
        <span suppressHydrationWarning>{outcome.label}</span>
      </Badge>
      {outcome.code ? <span className="font-mono text-[11px] text-slate-600">{outcome.code}</span> : null}
    </span>
  );
}

/** Where a delivery stands: "Delivered", "Failed – connection refused", "Pending – next try in 5 minutes" (the viewer's clock). */
export function DeliveryStatusBadge({ delivery, paused = false }: { delivery: DeliveryState; paused?: boolean }) {
  return <OutcomeLabel outcome={describeDeliveryStatus(delivery, { now: new Date(), paused })} title={delivery.lastError} />;
}

/** One attempt's outcome, e.g. "Failed – timed out" with `TIMEOUT`. */
export function AttemptOutcomeLabel({ attempt }: { attempt: { responseStatus: number | null; error: string | null } }) {
  return <OutcomeLabel outcome={describeAttemptOutcome(attempt)} title={attempt.error} />;
}

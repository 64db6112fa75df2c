"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/field";
import { describeFailure } from "@/components/ui/fetch-json";
import { useActionMutation } from "@/components/ui/use-action-mutation";
import { replayWebhookDeliveriesAction } from "@/lib/actions/webhooks";
import type { WebhookReplayResource } from "@/lib/webhooks/replay-deliveries";
import { useInvalidateWebhooks, useReplayCount, useWebhookReplays } from "./use-webhooks";

/** "2026-11-20T22:00" in this browser's zone, as a datetime-local input shows it. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
const toIso = (value: string) => {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};
const WHEN = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

/**
 * "Replay…": a time window of the endpoint's deliveries sent again (failed ones, or all), with the count
 * it will send shown before it is confirmed. Times are the browser's; each delivery keeps its webhook-id.
 */
export function ReplayDialog({ slug, endpoint }: { slug: string; endpoint: { id: string; enabled: boolean } }) {
  const [open, setOpen] = useState(false);
  const [since, setSince] = useState(() => localInputValue(new Date(Date.now() - 3 * 24 * 3_600_000)));
  const [until, setUntil] = useState(() => localInputValue(new Date()));
  const [only, setOnly] = useState<"failed" | "all">("failed");
  const range = (() => {
    const from = toIso(since);
    const to = toIso(until);
    return from && to && to > from ? { since: from, until: to, only } : null;
  })();
  const count = useReplayCount(slug, endpoint.id, open ? range : null);
  const invalidate = useInvalidateWebhooks(slug);
  const replay = useActionMutation(
    () => replayWebhookDeliveriesAction(slug, { endpointId: endpoint.id, window: range ?? { since: "", until: "", only } }),
    {
      onSuccess: () => {
        setOpen(false);
        void invalidate();
      },
    },
  );
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const total = count.data?.count ?? null;
  const tooMany = total !== null && count.data !== undefined && total > count.data.max;
  const problem = !range
    ? "The end must be after the start."
    : count.isError
      ? describeFailure(count.error)
      : total === 0
        ? `No ${only === "failed" ? "failed" : "finished"} deliveries in this window.`
        : tooMany
          ? `${total.toLocaleString("en")} deliveries: at most ${count.data!.max.toLocaleString("en")} per replay. Choose a shorter window.`
          : null;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        // Each opening starts from the last three days up to this minute.
        if (next) {
          setSince(localInputValue(new Date(Date.now() - 3 * 24 * 3_600_000)));
          setUntil(localInputValue(new Date(Date.now() + 60_000)));
        }
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" disabled={!endpoint.enabled} title={endpoint.enabled ? undefined : "Enable the endpoint to replay"}>
          Replay…
          {endpoint.enabled ? null : <span className="sr-only"> – Enable the endpoint to replay</span>}
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Replay deliveries"
        description="Send a time window's deliveries again, oldest first. Each keeps its webhook-id, so a receiver that deduplicates sees no copy twice."
      >
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (range && !problem) replay.mutate(undefined);
          }}
        >
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="block text-sm font-medium text-slate-700">
              From
              <Input type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} required className="mt-1 w-full" />
            </label>
            <label className="block text-sm font-medium text-slate-700">
              To
              <Input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} required className="mt-1 w-full" />
            </label>
          </div>
          <p className="text-xs text-slate-500">Times in {zone}.</p>
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">Which deliveries</legend>
            <div className="mt-2 space-y-2 text-sm text-slate-700">
              <label className="flex items-start gap-2">
                <input type="radio" name="only" checked={only === "failed"} onChange={() => setOnly("failed")} className="mt-0.5" />
                <span>Only failed ones (retries ran out, or the endpoint was disabled)</span>
              </label>
              <label className="flex items-start gap-2">
                <input type="radio" name="only" checked={only === "all"} onChange={() => setOnly("all")} className="mt-0.5" />
                <span>All of them, delivered ones too</span>
              </label>
            </div>
          </fieldset>
          <p role="status" aria-live="polite" className="text-sm">
            {problem ? (
              <span className="text-red-700">{problem}</span>
            ) : total === null ? (
              <span className="text-slate-500">Counting…</span>
            ) : (
              <span className="text-slate-900" data-testid="replay-count">
                {total.toLocaleString("en")} {total === 1 ? "delivery" : "deliveries"} will be sent again.
              </span>
            )}
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={!!problem || total === null || count.isFetching || replay.isPending}>
              {replay.isPending
                ? "Replaying…"
                : total
                  ? `Replay ${total.toLocaleString("en")} ${total === 1 ? "delivery" : "deliveries"}`
                  : "Replay"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The progress of the replays still sending or made within the hour. */
export function ReplayProgress({ slug, endpointId }: { slug: string; endpointId: string }) {
  const replays = useWebhookReplays(slug, endpointId);
  const shown = replays.data ?? [];
  if (shown.length === 0) return null;
  return (
    <ul className="space-y-1" aria-label="Replays">
      {shown.map((replay) => (
        <ReplayLine key={replay.id} replay={replay} />
      ))}
    </ul>
  );
}

function ReplayLine({ replay }: { replay: WebhookReplayResource }) {
  const percent = replay.total ? Math.round((replay.sent / replay.total) * 100) : 100;
  return (
    <li data-testid="replay-progress" data-status={replay.status} className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
      <p className="text-slate-700">
        Replay of {replay.only === "failed" ? "failed deliveries" : "all deliveries"} from {WHEN.format(new Date(replay.since))} to{" "}
        {WHEN.format(new Date(replay.until))}:{" "}
        <span className="font-medium text-slate-900">
          {replay.sent.toLocaleString("en")} of {replay.total.toLocaleString("en")} sent
        </span>
        , {replay.succeeded.toLocaleString("en")} delivered{replay.status === "done" ? " (done)" : ""}
      </p>
      <div
        role="progressbar"
        aria-label="Replay progress"
        aria-valuemin={0}
        aria-valuemax={replay.total}
        aria-valuenow={replay.sent}
        className="mt-1 h-1.5 overflow-hidden rounded bg-slate-100"
      >
        <div className="h-full bg-sky-600" style={{ width: `${percent}%` }} />
      </div>
    </li>
  );
}

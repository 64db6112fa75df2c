"use client";

// The bell: the property's alerts with an unread count, polled every 30 s. Opening it lists the latest
// alerts, each with its action one click away, and marks what it showed as read for this person.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { fetchJson } from "@/components/ui/fetch-json";
import { RelativeTime } from "@/components/ui/relative-time";
import { markAlertsReadAction } from "@/lib/actions/alerts";
import type { AlertView } from "@/lib/alerts/list-alerts";
import { cn } from "@/lib/ui/cn";

interface AlertsData {
  unread: number;
  alerts: AlertView[];
}

export function AlertBell({ slug, className }: { slug: string; className?: string }) {
  const client = useQueryClient();
  const queryKey = ["alerts", slug];
  const { data } = useQuery({
    queryKey,
    queryFn: () => fetchJson<AlertsData>(`/api/dashboard/properties/${encodeURIComponent(slug)}/alerts`),
    refetchInterval: 30_000,
  });
  const [open, setOpen] = useState(false);
  // What was unread when the list opened stays marked as new while it is open.
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const unread = data?.unread ?? 0;

  async function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next || !data) return;
    const ids = data.alerts.filter((a) => !a.read).map((a) => a.id);
    setFresh(new Set(ids));
    if (ids.length === 0) return;
    const result = await markAlertsReadAction(slug, { ids });
    if (result.ok) await client.invalidateQueries({ queryKey });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => void onOpenChange(next)}>
      <DialogTrigger
        className={cn("relative rounded-md border border-slate-300 bg-white p-1.5 text-slate-700 hover:bg-slate-50", className)}
        aria-label={unread > 0 ? `Alerts, ${unread} unread` : "Alerts"}
        data-testid="alert-bell"
      >
        <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {unread > 0 ? (
          <span
            className="absolute -top-1.5 -right-1.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs leading-5 font-semibold text-white"
            data-testid="alert-unread-count"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </DialogTrigger>
      <DialogContent title="Alerts" description="What went wrong with this property's integrations, newest first.">
        {!data || data.alerts.length === 0 ? (
          <p className="text-sm text-slate-600">No alerts. You will be told here when an integration breaks.</p>
        ) : (
          <ul className="-mx-2 divide-y divide-slate-100" aria-label="Alerts">
            {data.alerts.map((alert) => (
              <li key={alert.id} className="px-2 py-3" data-testid="alert-item">
                <div className="flex items-start justify-between gap-3">
                  <p className="min-w-0 text-sm font-semibold [overflow-wrap:anywhere] text-slate-900">
                    {fresh.has(alert.id) ? (
                      <span className="mr-1.5 inline-block h-2 w-2 rounded-full bg-brand-600 align-middle" aria-label="New" role="img" />
                    ) : null}
                    {alert.title}
                  </p>
                  <span className="shrink-0 text-xs text-slate-500">
                    <RelativeTime value={alert.createdAt} />
                  </span>
                </div>
                <p className="mt-1 text-sm [overflow-wrap:anywhere] text-slate-700">{alert.body}</p>
                <div className="mt-2 flex flex-wrap items-center gap-3">
                  <Link
                    href={`/${slug}/settings/api-access${alert.actionHref}`}
                    onClick={() => setOpen(false)}
                    className="text-sm font-medium text-brand-700 hover:underline"
                  >
                    {alert.actionLabel}
                  </Link>
                  {alert.resolvedAt ? <span className="text-xs text-emerald-700">Resolved</span> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4 border-t border-slate-200 pt-3 text-sm">
          <Link href="/account/notifications" onClick={() => setOpen(false)} className="font-medium text-brand-700 hover:underline">
            Choose which alerts you get by e-mail
          </Link>
        </p>
      </DialogContent>
    </Dialog>
  );
}

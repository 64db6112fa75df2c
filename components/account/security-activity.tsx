import { RelativeTime } from "@/components/ui/relative-time";
import type { SecurityActivityView } from "@/lib/account/list-security-activity";
import { cn } from "@/lib/ui/cn";

/** The account's latest security events: what happened, when, from where. */
export function SecurityActivity({ activity }: { activity: SecurityActivityView[] }) {
  return (
    <section aria-labelledby="activity-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="activity-heading" className="text-base font-semibold text-slate-900">
        Recent security activity
      </h2>
      <p className="mt-1 text-sm text-slate-600">Sign-ins, failed attempts and changes to your account, newest first.</p>
      {activity.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">Nothing yet.</p>
      ) : (
        <ol aria-label="Recent security activity" className="mt-4 divide-y divide-slate-100 rounded-md border border-slate-200">
          {activity.map((event) => (
            <li key={event.id} className="flex flex-col gap-1 px-4 py-2 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
              <span className={cn("text-sm", event.warning ? "font-medium text-red-700" : "text-slate-900")}>{event.label}</span>
              <span className="text-xs text-slate-500">
                {[event.device, event.ip ? `IP ${event.ip}` : null].filter(Boolean).join(" · ")}
                {event.device || event.ip ? " · " : null}
                <RelativeTime value={event.createdAt} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

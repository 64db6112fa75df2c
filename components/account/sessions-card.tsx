"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AccountSessionView } from "@/lib/account/list-account-sessions";
import { signOutOtherSessionsAction, signOutSessionAction } from "@/lib/actions/account";
import type { ActionResult } from "@/lib/errors/action-result";

/** Where the user is signed in; any other browser can be signed out from here. */
export function SessionsCard({ sessions }: { sessions: AccountSessionView[] }) {
  const router = useRouter();
  const refresh = (result: ActionResult) => {
    if (result.ok) router.refresh();
  };
  const signOutOne = useMutation({ mutationFn: (sessionId: string) => signOutSessionAction({ sessionId }), onSuccess: refresh });
  const signOutOthers = useMutation({ mutationFn: () => signOutOtherSessionsAction({}), onSuccess: refresh });
  const result = signOutOthers.data ?? signOutOne.data;
  const others = sessions.filter((session) => !session.current).length;

  return (
    <section aria-labelledby="sessions-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 id="sessions-heading" className="text-base font-semibold text-slate-900">
            Sessions
          </h2>
          <p className="mt-1 text-sm text-slate-600">Browsers signed in to your account. Sign out any you do not recognise.</p>
        </div>
        {others > 0 ? (
          <Button variant="secondary" onClick={() => signOutOthers.mutate()} disabled={signOutOthers.isPending}>
            {signOutOthers.isPending ? "Signing out…" : "Sign out of all other sessions"}
          </Button>
        ) : null}
      </div>
      {result ? (
        <p role={result.ok ? "status" : "alert"} className={result.ok ? "mt-3 text-sm text-emerald-700" : "mt-3 text-sm text-red-700"}>
          {result.message}
        </p>
      ) : null}
      <ul aria-label="Sessions" className="mt-4 divide-y divide-slate-100 rounded-md border border-slate-200">
        {sessions.map((session) => (
          <li key={session.id} data-testid="account-session" className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                {session.device}
                {session.current ? <Badge tone="blue">This device</Badge> : null}
              </p>
              <p className="mt-0.5 text-xs text-slate-500">
                IP {session.ip ?? "unknown"} · Signed in <RelativeTime value={session.createdAt} /> · Last seen{" "}
                <RelativeTime value={session.lastSeenAt} />
              </p>
            </div>
            {session.current ? null : (
              <Button
                size="sm"
                variant="secondary"
                onClick={() => signOutOne.mutate(session.id)}
                disabled={signOutOne.isPending}
                aria-label={`Sign out ${session.device}`}
              >
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

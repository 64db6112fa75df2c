"use client";

import { updateTeamSettingsAction } from "@/lib/actions/team";
import { cn } from "@/lib/ui/cn";
import { FormError } from "@/components/ui/action-message";
import { useTeamAction } from "./use-team-action";

/** The property's 2FA requirement: owners switch it, everyone else reads it. */
export function TeamSettings({
  slug,
  requireTwoFactorForManagers,
  canEdit,
}: {
  slug: string;
  requireTwoFactorForManagers: boolean;
  canEdit: boolean;
}) {
  const mutation = useTeamAction(slug, updateTeamSettingsAction);
  const on = requireTwoFactorForManagers;
  return (
    <section aria-labelledby="team-settings" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="team-settings" className="text-sm font-semibold text-slate-900">
        Security
      </h2>
      <div className="mt-2 flex items-start justify-between gap-4">
        <div className="min-w-0">
          <p id="require-2fa-label" className="text-sm font-medium text-slate-800">
            Require two-factor for members who manage API access
          </p>
          <p id="require-2fa-hint" className="mt-1 text-sm text-slate-600">
            Owners and admins without two-factor authentication must set it up before they change API keys, webhooks, limits or the team.
            {canEdit ? "" : " Only owners can change this."}
          </p>
        </div>
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-labelledby="require-2fa-label"
          aria-describedby="require-2fa-hint"
          disabled={!canEdit || mutation.isPending}
          onClick={() => mutation.mutate({ requireTwoFactorForManagers: !on })}
          className={cn(
            "relative mt-1 inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:cursor-not-allowed disabled:opacity-60",
            on ? "bg-brand-600" : "bg-slate-300",
          )}
        >
          <span
            className={cn(
              "inline-block h-5 w-5 rounded-full bg-white shadow transition-transform",
              on ? "translate-x-5" : "translate-x-0.5",
            )}
          />
        </button>
      </div>
      {mutation.data && !mutation.data.ok ? (
        <div className="mt-3">
          <FormError>{mutation.data.message}</FormError>
        </div>
      ) : null}
    </section>
  );
}

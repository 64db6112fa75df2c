"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { inviteMemberAction } from "@/lib/actions/team";
import { ROLE_LABEL } from "@/lib/auth/roles";
import type { Role } from "@/lib/db/generated/prisma/enums";
import { ActionMessage } from "@/components/ui/action-message";
import { useTeamAction } from "./use-team-action";

/** Invites by email; the link is shown here once, whether or not it was also mailed. */
export function InviteMemberDialog({ slug, roles }: { slug: string; roles: Role[] }) {
  const [open, setOpen] = useState(false);
  // The dialog shows the outcome with the link (and whether it was mailed): no toast besides.
  const mutation = useTeamAction(slug, inviteMemberAction, { successToast: false });
  const result = mutation.data;
  const invited = result?.ok ? result : null;
  const errors = (key: string) => (result && !result.ok ? result.fields?.[key] : undefined);

  function reset(next: boolean) {
    setOpen(next);
    if (!next) mutation.reset();
  }

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogTrigger asChild>
        <Button>Invite member</Button>
      </DialogTrigger>
      <DialogContent
        title={invited ? "Invitation created" : "Invite a member"}
        description={invited ? undefined : "They get a link that works once, for 7 days, to join with the role you choose."}
      >
        {invited ? (
          <div className="space-y-4">
            <p
              role="status"
              className={invited.mail === "sent" ? "text-sm text-slate-700" : "rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"}
            >
              {invited.message}
            </p>
            <div className="space-y-1">
              <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Invitation link</p>
              <div className="flex items-center gap-2">
                <code
                  data-testid="invitation-link"
                  // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too.
                  role="region"
                  aria-label="Invitation link"
                  tabIndex={0}
                  className="min-w-0 flex-1 overflow-x-auto rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs whitespace-nowrap"
                >
                  {invited.link}
                </code>
                <CopyButton value={invited.link} aria-label="Copy invitation link" />
              </div>
              <p className="text-xs text-slate-500">
                Shown this once. It works for {invited.email} only, once, until {new Date(invited.expiresAt).toLocaleString("en-GB")}.
              </p>
            </div>
            <div className="flex justify-end">
              <Button onClick={() => reset(false)}>Done</Button>
            </div>
          </div>
        ) : (
          <form
            className="space-y-4"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              mutation.mutate({ email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") as Role });
            }}
          >
            <Field id="invite-email" label="Email" errors={errors("email")}>
              <Input
                id="invite-email"
                name="email"
                type="email"
                autoComplete="off"
                maxLength={320}
                aria-invalid={errors("email") ? true : undefined}
              />
            </Field>
            <Field
              id="invite-role"
              label="Role"
              errors={errors("role")}
              hint="Owners and admins manage the team and API access; managers and staff work with reservations."
            >
              <Select id="invite-role" name="role" defaultValue={roles.includes("MANAGER") ? "MANAGER" : roles[0]}>
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABEL[role]}
                  </option>
                ))}
              </Select>
            </Field>
            {result && !result.ok ? <ActionMessage result={result} /> : null}
            <div className="flex justify-end">
              <Button type="submit" disabled={mutation.isPending}>
                {mutation.isPending ? "Inviting…" : "Send invitation"}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

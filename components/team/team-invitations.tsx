"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableFrame } from "@/components/ui/table-frame";
import { revokeInvitationAction } from "@/lib/actions/team";
import type { Role } from "@/lib/db/generated/prisma/enums";
import type { InvitationView } from "@/lib/team/list-team";
import { inviteRefusal } from "@/lib/team/team-rules";
import { FormError } from "@/components/ui/action-message";
import { RoleBadge } from "./role-badge";
import { useTeamAction } from "./use-team-action";

/** Invitations not yet accepted, revoked or expired: a table on wide screens, cards on a phone. */
export function TeamInvitations({ slug, invitations, viewerRole }: { slug: string; invitations: InvitationView[]; viewerRole: Role }) {
  if (invitations.length === 0) return null;
  const revoke = (invitation: InvitationView) =>
    inviteRefusal(viewerRole, invitation.role) === null ? <RevokeInvitation slug={slug} invitation={invitation} /> : null;
  return (
    <section aria-labelledby="team-invitations">
      <h2 id="team-invitations" className="mb-3 text-base font-semibold text-slate-900">
        Pending invitations <span className="font-normal text-slate-500">({invitations.length})</span>
      </h2>
      <div className="hidden md:block">
        <TableFrame
          label="Pending invitations"
          columns={[
            { label: "Email" },
            { label: "Role" },
            { label: "Invited by" },
            { label: "Expires" },
            { label: "Actions", hidden: true },
          ]}
        >
          {invitations.map((invitation) => (
            <tr key={invitation.id} data-testid="invitation-row" data-email={invitation.email}>
              <td className="px-4 py-3 align-top break-all text-slate-900">{invitation.email}</td>
              <td className="px-4 py-3 align-top">
                <RoleBadge role={invitation.role} />
              </td>
              <td className="px-4 py-3 align-top whitespace-nowrap text-slate-700">{invitation.invitedBy ?? "A former member"}</td>
              <td className="px-4 py-3 align-top">
                <RelativeTime value={invitation.expiresAt} />
              </td>
              <td className="px-4 py-3 text-right align-top">{revoke(invitation)}</td>
            </tr>
          ))}
        </TableFrame>
      </div>
      <ul className="space-y-3 md:hidden" aria-label="Pending invitations">
        {invitations.map((invitation) => (
          <li key={invitation.id} data-testid="invitation-card" className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex items-start justify-between gap-3">
              <p className="min-w-0 text-sm font-medium break-all text-slate-900">{invitation.email}</p>
              <RoleBadge role={invitation.role} />
            </div>
            <p className="mt-2 text-xs text-slate-600">
              Invited by {invitation.invitedBy ?? "a former member"} · expires <RelativeTime value={invitation.expiresAt} />
            </p>
            <div className="mt-3 flex justify-end empty:hidden">{revoke(invitation)}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RevokeInvitation({ slug, invitation }: { slug: string; invitation: InvitationView }) {
  const [open, setOpen] = useState(false);
  const mutation = useTeamAction(slug, revokeInvitationAction, { onSuccess: () => setOpen(false) });
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        className="text-red-700"
        onClick={() => setOpen(true)}
        aria-label={`Revoke invitation for ${invitation.email}`}
      >
        Revoke
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) mutation.reset();
        }}
      >
        <DialogContent
          title="Revoke this invitation?"
          description={`The link sent to ${invitation.email} stops working. You can invite them again.`}
        >
          {mutation.data && !mutation.data.ok ? <FormError>{mutation.data.message}</FormError> : null}
          <div className="mt-4 flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button variant="danger" onClick={() => mutation.mutate({ invitationId: invitation.id })} disabled={mutation.isPending}>
              {mutation.isPending ? "Revoking…" : "Revoke invitation"}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </>
  );
}

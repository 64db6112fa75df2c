"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field, Select } from "@/components/ui/field";
import { changeMemberRoleAction, removeMemberAction } from "@/lib/actions/team";
import { ROLE_LABEL } from "@/lib/auth/roles";
import type { Role } from "@/lib/db/generated/prisma/enums";
import type { MemberView } from "@/lib/team/list-team";
import { FormError } from "@/components/ui/action-message";
import { useTeamAction } from "./use-team-action";

/** "Change role" and "Remove" for one member, offered only where the team rules allow them. */
export function MemberActions({
  slug,
  propertyName,
  member,
  roleOptions,
  canRemove,
}: {
  slug: string;
  propertyName: string;
  member: MemberView;
  roleOptions: Role[];
  canRemove: boolean;
}) {
  const [dialog, setDialog] = useState<"role" | "remove" | null>(null);
  if (roleOptions.length === 0 && !canRemove) return null;
  return (
    <div className="flex flex-wrap justify-end gap-2">
      {roleOptions.length > 0 ? (
        <Button size="sm" variant="secondary" onClick={() => setDialog("role")} aria-label={`Change role of ${member.name}`}>
          Change role
        </Button>
      ) : null}
      {canRemove ? (
        <Button
          size="sm"
          variant="secondary"
          className="text-red-700"
          onClick={() => setDialog("remove")}
          aria-label={`Remove ${member.name}`}
        >
          Remove
        </Button>
      ) : null}
      {dialog === "role" ? (
        <ChangeRoleDialog slug={slug} member={member} roleOptions={roleOptions} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === "remove" ? (
        <RemoveDialog slug={slug} propertyName={propertyName} member={member} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  );
}

function ChangeRoleDialog({
  slug,
  member,
  roleOptions,
  onClose,
}: {
  slug: string;
  member: MemberView;
  roleOptions: Role[];
  onClose: () => void;
}) {
  const [role, setRole] = useState<Role>(roleOptions[0]!);
  const mutation = useTeamAction(slug, changeMemberRoleAction, { onSuccess: onClose });
  const failure = mutation.data && !mutation.data.ok ? mutation.data.message : null;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent title={`Change the role of ${member.name}`} description={`${member.email} is ${ROLE_LABEL[member.role]} now.`}>
        <div className="space-y-4">
          <Field id="member-role" label="New role">
            <Select id="member-role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {roleOptions.map((option) => (
                <option key={option} value={option}>
                  {ROLE_LABEL[option]}
                </option>
              ))}
            </Select>
          </Field>
          {failure ? <FormError>{failure}</FormError> : null}
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button onClick={() => mutation.mutate({ memberId: member.id, role })} disabled={mutation.isPending}>
              {mutation.isPending ? "Saving…" : "Save role"}
            </Button>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}

function RemoveDialog({
  slug,
  propertyName,
  member,
  onClose,
}: {
  slug: string;
  propertyName: string;
  member: MemberView;
  onClose: () => void;
}) {
  const mutation = useTeamAction(slug, removeMemberAction, { onSuccess: onClose });
  const failure = mutation.data && !mutation.data.ok ? mutation.data.message : null;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title={`Remove ${member.name}?`}
        description={`${member.email} loses access to ${propertyName} at once. Their account stays; you can invite them again.`}
      >
        {failure ? <FormError>{failure}</FormError> : null}
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant="danger" onClick={() => mutation.mutate({ memberId: member.id })} disabled={mutation.isPending}>
            {mutation.isPending ? "Removing…" : "Remove member"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

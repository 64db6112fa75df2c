"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableFrame } from "@/components/ui/table-frame";
import type { Role } from "@/lib/db/generated/prisma/enums";
import type { MemberView } from "@/lib/team/list-team";
import { assignableRoles, removalRefusal, roleChangeRefusal } from "@/lib/team/team-rules";
import { MemberActions } from "./member-actions";
import { RoleBadge } from "./role-badge";

interface Props {
  slug: string;
  propertyName: string;
  members: MemberView[];
  viewer: { userId: string; role: Role };
}

/** The members: a table on wide screens, one card per member on a phone. */
export function TeamMembers({ slug, propertyName, members, viewer }: Props) {
  const owners = members.filter((m) => m.role === "OWNER").length;
  // The same rules the server enforces, so nobody is offered a button that can only fail.
  const actionsOf = (member: MemberView): ReactNode => {
    const change = { target: member.role, self: member.userId === viewer.userId, owners };
    const roleOptions = assignableRoles(viewer.role).filter((to) => roleChangeRefusal(viewer.role, { ...change, to }) === null);
    const canRemove = removalRefusal(viewer.role, change) === null;
    return <MemberActions slug={slug} propertyName={propertyName} member={member} roleOptions={roleOptions} canRemove={canRemove} />;
  };
  const who = (member: MemberView) => (
    <div className="min-w-0">
      <p className="font-medium text-slate-900">
        {member.name}
        {member.userId === viewer.userId ? <span className="ml-1 text-xs font-normal text-slate-500">(you)</span> : null}
      </p>
      <p className="text-xs break-all text-slate-500">{member.email}</p>
    </div>
  );
  const twoFactor = (member: MemberView) =>
    member.twoFactorEnabled ? <Badge tone="green">2FA on</Badge> : <Badge tone="amber">2FA off</Badge>;

  return (
    <section aria-labelledby="team-members">
      <h2 id="team-members" className="mb-3 text-base font-semibold text-slate-900">
        Members <span className="font-normal text-slate-500">({members.length})</span>
      </h2>
      <div className="hidden md:block">
        <TableFrame
          label="Members"
          columns={[
            { label: "Member" },
            { label: "Role" },
            { label: "Two-factor" },
            { label: "Last sign-in" },
            { label: "Actions", hidden: true },
          ]}
        >
          {members.map((member) => (
            <tr key={member.id} data-testid="member-row" data-email={member.email}>
              <td className="px-4 py-3 align-top">{who(member)}</td>
              <td className="px-4 py-3 align-top">
                <RoleBadge role={member.role} />
              </td>
              <td className="px-4 py-3 align-top">{twoFactor(member)}</td>
              <td className="px-4 py-3 align-top">
                <RelativeTime value={member.lastSignInAt} />
              </td>
              <td className="px-4 py-3 align-top">{actionsOf(member)}</td>
            </tr>
          ))}
        </TableFrame>
      </div>
      <ul className="space-y-3 md:hidden" aria-label="Members">
        {members.map((member) => (
          <li
            key={member.id}
            data-testid="member-card"
            data-email={member.email}
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <div className="flex items-start justify-between gap-3">
              {who(member)}
              <RoleBadge role={member.role} />
            </div>
            <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
              {twoFactor(member)}
              <span>
                Last sign-in <RelativeTime value={member.lastSignInAt} />
              </span>
            </div>
            <div className="mt-3 empty:hidden">{actionsOf(member)}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

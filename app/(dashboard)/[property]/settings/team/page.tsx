import type { Metadata } from "next";
import { InviteMemberDialog } from "@/components/team/invite-member-dialog";
import { LeaveProperty } from "@/components/team/leave-property";
import { TeamInvitations } from "@/components/team/team-invitations";
import { TeamMembers } from "@/components/team/team-members";
import { TeamSettings } from "@/components/team/team-settings";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/property-access";
import { can } from "@/lib/auth/roles";
import { listTeam } from "@/lib/team/list-team";
import { assignableRoles } from "@/lib/team/team-rules";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: { params: Promise<{ property: string }> }) {
  const { property: slug } = await params;
  const access = await requirePermission(slug, "viewTeam");
  const { members, invitations } = await listTeam(access.property.id);
  const viewer = { userId: access.user.id, role: access.role };
  return (
    <>
      <PageHeader
        title="Team"
        description={`Who works on ${access.property.name}, and what each of them may do.`}
        actions={can.manageTeam(access.role) ? <InviteMemberDialog slug={slug} roles={assignableRoles(access.role)} /> : null}
      />
      <div className="space-y-8">
        <TeamMembers slug={slug} propertyName={access.property.name} members={members} viewer={viewer} />
        <TeamInvitations slug={slug} invitations={invitations} viewerRole={access.role} />
        <TeamSettings
          slug={slug}
          requireTwoFactorForManagers={access.property.requireTwoFactorForManagers}
          canEdit={can.manageTeamSettings(access.role)}
        />
        <LeaveProperty slug={slug} propertyName={access.property.name} />
      </div>
    </>
  );
}

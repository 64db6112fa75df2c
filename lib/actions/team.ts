"use server";
// The Team page's changes: invitations, roles, removals, leaving, the team's settings; and accepting an
// invitation, which is not a property action (whoever accepts is not a member yet).
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "../auth/current-user";
import { ROLE_LABEL } from "../auth/roles";
import { actionFailure, type ActionResult } from "../errors/action-result";
import { publicOrigin } from "../http/public-origin";
import { acceptInvitation } from "../team/accept-invitation";
import { changeMemberRole } from "../team/change-member-role";
import { inviteMember } from "../team/invite-member";
import { leaveProperty } from "../team/leave-property";
import { removeMember } from "../team/remove-member";
import { revokeInvitation } from "../team/revoke-invitation";
import {
  acceptInvitationInput,
  changeMemberRoleInput,
  inviteMemberInput,
  removeMemberInput,
  revokeInvitationInput,
  teamSettingsInput,
} from "../team/schemas";
import { updateTeamSettings } from "../team/update-team-settings";
import { AppError } from "../errors/app-error";
import { parseActionInput, propertyAction } from "./property-action";

const teamPath = (slug: string) => `/${slug}/settings/team`;

/** The link travels to the browser in this answer only: its one showing. */
type Invited = { link: string; email: string; expiresAt: string; mail: "sent" | "failed" | "off" };

const MAIL_OUTCOME = {
  sent: "We e-mailed the link too.",
  failed: "The mail could not be sent: copy the link and send it yourself.",
  off: "Mail is not set up: copy the link and send it yourself.",
} as const;

export const inviteMemberAction = propertyAction<typeof inviteMemberInput, Invited>(
  "manageTeam",
  inviteMemberInput,
  async ({ slug, access, actor, input }) => {
    const invitation = await inviteMember({ propertyId: access.property.id, actor, origin: await publicOrigin() }, input);
    revalidatePath(teamPath(slug));
    return {
      link: invitation.link,
      email: invitation.email,
      expiresAt: invitation.expiresAt.toISOString(),
      mail: invitation.mail,
      message: `${invitation.email} is invited as ${ROLE_LABEL[invitation.role]}. ${MAIL_OUTCOME[invitation.mail]}`,
    };
  },
  { sudo: true },
);

export const revokeInvitationAction = propertyAction(
  "manageTeam",
  revokeInvitationInput,
  async ({ slug, access, actor, input }) => {
    const { email } = await revokeInvitation({ propertyId: access.property.id, actor }, input.invitationId);
    revalidatePath(teamPath(slug));
    return `The invitation for ${email} was withdrawn: its link no longer works.`;
  },
  { sudo: true },
);

export const changeMemberRoleAction = propertyAction(
  "manageTeam",
  changeMemberRoleInput,
  async ({ slug, access, actor, input }) => {
    const member = await changeMemberRole({ propertyId: access.property.id, actor }, input);
    revalidatePath(teamPath(slug));
    return `${member.name} is now ${ROLE_LABEL[member.role]}.`;
  },
  { sudo: true },
);

export const removeMemberAction = propertyAction(
  "manageTeam",
  removeMemberInput,
  async ({ slug, access, actor, input }) => {
    const member = await removeMember({ propertyId: access.property.id, actor }, input.memberId);
    revalidatePath(teamPath(slug));
    return `${member.name} was removed from ${access.property.name}.`;
  },
  { sudo: true },
);

export const leavePropertyAction = propertyAction(
  "viewTeam",
  { parse: () => ({}) },
  async ({ access, actor }) => {
    await leaveProperty({ propertyId: access.property.id, actor });
    return `You left ${access.property.name}.`;
  },
  { sudo: true },
);

export const updateTeamSettingsAction = propertyAction(
  "manageTeamSettings",
  teamSettingsInput,
  async ({ slug, access, actor, input }) => {
    // As GitHub asks: whoever requires 2FA of others has it themselves (and so is never locked out of this switch).
    if (input.requireTwoFactorForManagers && !access.user.twoFactorEnabled) {
      throw new AppError(
        "TWO_FACTOR_SETUP_REQUIRED",
        "Turn on two-factor authentication for your own account before requiring it of others.",
      );
    }
    const settings = await updateTeamSettings({ propertyId: access.property.id, actor }, input);
    revalidatePath(`/${slug}`, "layout");
    return settings.requireTwoFactorForManagers
      ? "Two-factor authentication is now required for owners and admins who manage API access."
      : "Two-factor authentication is no longer required.";
  },
  { sudo: true },
);

/** Joins the property an invitation link names: as the signed-in user, or as a new account created here. */
export async function acceptInvitationAction(raw: unknown): Promise<ActionResult<{ slug: string; email: string }>> {
  try {
    const input = parseActionInput(acceptInvitationInput, raw);
    const user = await getCurrentUser();
    const joined = await acceptInvitation({ token: input.token, user, account: user ? undefined : input.account });
    return { ok: true, slug: joined.slug, email: joined.email, message: `Welcome to ${joined.propertyName}.` };
  } catch (error) {
    return actionFailure(error);
  }
}

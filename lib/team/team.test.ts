// The team's use cases against a real database: invitations (expiry, single use, replacement), the role
// rules as the server enforces them, and the last-owner protection under concurrency.
import { describe, expect, it } from "vitest";
import { createProperty, createUser } from "../../test/fixtures";
import { userActor } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { Role } from "../db/generated/prisma/enums";
import { acceptInvitation } from "./accept-invitation";
import { changeMemberRole } from "./change-member-role";
import { findInvitation } from "./find-invitation";
import { inviteMember } from "./invite-member";
import { leaveProperty } from "./leave-property";
import { listTeam } from "./list-team";
import { removeMember } from "./remove-member";
import { revokeInvitation } from "./revoke-invitation";
import { updateTeamSettings } from "./update-team-settings";

const ORIGIN = "http://pms.test";
const DAY = 24 * 60 * 60 * 1000;
const newAccount = { name: "New Person", password: "long-enough-password" };

async function propertyWith(...roles: Role[]) {
  const { property } = await createProperty({ rooms: 0 });
  const users = [];
  for (const role of roles) users.push(await createUser({ memberships: [{ propertyId: property.id, role }] }));
  const membershipOf = (user: { id: string }) =>
    db.membership.findUniqueOrThrow({ where: { userId_propertyId: { userId: user.id, propertyId: property.id } } });
  return {
    property,
    users,
    membershipOf,
    as: (user: { id: string; name: string; email: string }) => ({ propertyId: property.id, actor: userActor(user) }),
  };
}

const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);
const email = () => `invitee-${Math.random().toString(36).slice(2)}@example.com`;

describe("invitations", () => {
  it("a new person accepts a link once: account, membership and audit trail in one go", async () => {
    const { property, users, as } = await propertyWith("OWNER");
    const to = email();
    const invitation = await inviteMember({ ...as(users[0]!), origin: ORIGIN, smtpUrl: undefined }, { email: to, role: "MANAGER" });
    expect(invitation.link).toMatch(new RegExp(`^${ORIGIN}/invite/[A-Za-z0-9_-]{43}$`));
    // Only the hash is stored: the token appears nowhere in the row.
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(JSON.stringify(row)).not.toContain(tokenOf(invitation.link));
    expect((await listTeam(property.id)).invitations.map((i) => i.email)).toEqual([to]);

    const joined = await acceptInvitation({ token: tokenOf(invitation.link), user: null, account: newAccount });
    expect(joined).toMatchObject({ slug: property.slug, email: to });
    const team = await listTeam(property.id);
    expect(team.members.find((m) => m.email === to)).toMatchObject({ role: "MANAGER", name: "New Person" });
    expect(team.invitations).toEqual([]);

    await expect(acceptInvitation({ token: tokenOf(invitation.link), user: null, account: newAccount })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringMatching(/already been used/),
    });
    const actions = await db.auditEvent.findMany({ where: { propertyId: property.id } });
    expect(actions.map((a) => a.action).sort()).toEqual(["member.invitation_accepted", "member.invited"]);
  });

  it("expires after 7 days", async () => {
    const { users, as } = await propertyWith("OWNER");
    const sentAt = new Date("2030-01-01T12:00:00Z");
    const invitation = await inviteMember({ ...as(users[0]!), origin: ORIGIN, now: sentAt }, { email: email(), role: "STAFF" });
    const token = tokenOf(invitation.link);
    expect((await findInvitation(token, new Date(sentAt.getTime() + 7 * DAY - 1)))?.state).toBe("pending");
    expect((await findInvitation(token, new Date(sentAt.getTime() + 7 * DAY)))?.state).toBe("expired");
    await expect(
      acceptInvitation({ token, user: null, account: newAccount, now: new Date(sentAt.getTime() + 7 * DAY) }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringMatching(/expired/),
    });
    await acceptInvitation({ token, user: null, account: newAccount, now: new Date(sentAt.getTime() + 7 * DAY - 1) });
  });

  it("of two accepts racing on one link, exactly one wins", async () => {
    const { property, users, as } = await propertyWith("OWNER");
    const to = email();
    const invitation = await inviteMember({ ...as(users[0]!), origin: ORIGIN }, { email: to, role: "STAFF" });
    const token = tokenOf(invitation.link);
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => acceptInvitation({ token, user: null, account: newAccount })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { propertyId: property.id, user: { email: to } } })).toBe(1);
    expect(await db.user.count({ where: { email: to } })).toBe(1);
  });

  it("an unknown token names nothing, whatever its shape", async () => {
    expect(await findInvitation("x".repeat(43))).toBeNull();
    expect(await findInvitation("../../etc")).toBeNull();
    await expect(acceptInvitation({ token: "nope", user: null, account: newAccount })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses an address that is already a member, with 409", async () => {
    const { users, as } = await propertyWith("OWNER", "STAFF");
    await expect(inviteMember({ ...as(users[0]!), origin: ORIGIN }, { email: users[1]!.email, role: "MANAGER" })).rejects.toMatchObject({
      code: "CONFLICT",
      status: 409,
      message: `${users[1]!.email} is already a member of this property.`,
    });
  });

  it("re-inviting a pending address replaces the old link; a revoked link is refused", async () => {
    const { property, users, as } = await propertyWith("OWNER");
    const to = email();
    const first = await inviteMember({ ...as(users[0]!), origin: ORIGIN }, { email: to, role: "STAFF" });
    const second = await inviteMember({ ...as(users[0]!), origin: ORIGIN }, { email: to, role: "MANAGER" });
    expect((await findInvitation(tokenOf(first.link)))?.state).toBe("revoked");
    await expect(acceptInvitation({ token: tokenOf(first.link), user: null, account: newAccount })).rejects.toThrow(/withdrawn/);
    expect((await listTeam(property.id)).invitations).toMatchObject([{ id: second.id, role: "MANAGER" }]);

    await revokeInvitation(as(users[0]!), second.id);
    await expect(acceptInvitation({ token: tokenOf(second.link), user: null, account: newAccount })).rejects.toThrow(/withdrawn/);
    expect((await listTeam(property.id)).invitations).toEqual([]);
    await expect(revokeInvitation(as(users[0]!), second.id)).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("an existing account joins only when signed in as the invited address", async () => {
    const { property, users, as } = await propertyWith("OWNER");
    const invited = await createUser();
    const someoneElse = await createUser();
    const invitation = await inviteMember({ ...as(users[0]!), origin: ORIGIN }, { email: invited.email, role: "ADMIN" });
    const token = tokenOf(invitation.link);
    expect((await findInvitation(token))?.accountExists).toBe(true);
    await expect(acceptInvitation({ token, user: someoneElse })).rejects.toThrow(`sign in as ${invited.email}`);
    // Nobody may take over the account by setting a password through the link.
    await expect(acceptInvitation({ token, user: null, account: newAccount })).rejects.toMatchObject({ code: "CONFLICT" });
    await acceptInvitation({ token, user: invited });
    expect((await listTeam(property.id)).members.find((m) => m.userId === invited.id)?.role).toBe("ADMIN");
  });
});

describe("the server enforces the role rules", () => {
  it("an admin invites and removes managers and staff, never owners or admins", async () => {
    const { users, as, membershipOf } = await propertyWith("OWNER", "ADMIN", "ADMIN", "STAFF");
    const [owner, admin, otherAdmin, staff] = users as [(typeof users)[0] & object, ...typeof users];
    await expect(inviteMember({ ...as(admin!), origin: ORIGIN }, { email: email(), role: "ADMIN" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await inviteMember({ ...as(admin!), origin: ORIGIN }, { email: email(), role: "STAFF" });
    await expect(removeMember(as(admin!), (await membershipOf(owner!)).id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeMember(as(admin!), (await membershipOf(otherAdmin!)).id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeMemberRole(as(admin!), { memberId: (await membershipOf(staff!)).id, role: "ADMIN" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await changeMemberRole(as(admin!), { memberId: (await membershipOf(staff!)).id, role: "MANAGER" });
    await removeMember(as(admin!), (await membershipOf(staff!)).id);
  });

  it("an admin cannot replace an owner's invitation for a role the admin could not give", async () => {
    const { users, as } = await propertyWith("OWNER", "ADMIN");
    const [owner, admin] = users;
    const to = email();
    const fromOwner = await inviteMember({ ...as(owner!), origin: ORIGIN }, { email: to, role: "ADMIN" });
    await expect(inviteMember({ ...as(admin!), origin: ORIGIN }, { email: to, role: "STAFF" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: fromOwner.id } })).revokedAt).toBeNull();
  });

  it("a manager or staff member manages nobody", async () => {
    const { users, as, membershipOf } = await propertyWith("OWNER", "MANAGER", "STAFF");
    const [, manager, staff] = users;
    await expect(inviteMember({ ...as(manager!), origin: ORIGIN }, { email: email(), role: "STAFF" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(removeMember(as(manager!), (await membershipOf(staff!)).id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a member removed since the page was rendered can change nothing", async () => {
    const { users, as, membershipOf } = await propertyWith("OWNER", "ADMIN", "STAFF");
    const [owner, admin, staff] = users;
    await removeMember(as(owner!), (await membershipOf(admin!)).id);
    await expect(removeMember(as(admin!), (await membershipOf(staff!)).id)).rejects.toThrow(/no longer a member/);
  });

  it("records every change as an audit event of the property", async () => {
    const { property, users, as, membershipOf } = await propertyWith("OWNER", "MANAGER", "STAFF");
    const [owner, manager, staff] = users;
    const invitation = await inviteMember({ ...as(owner!), origin: ORIGIN }, { email: email(), role: "STAFF" });
    await revokeInvitation(as(owner!), invitation.id);
    await changeMemberRole(as(owner!), { memberId: (await membershipOf(manager!)).id, role: "STAFF" });
    await removeMember(as(owner!), (await membershipOf(staff!)).id);
    await leaveProperty(as(manager!));
    await updateTeamSettings(as(owner!), { requireTwoFactorForManagers: true });
    // Compared as a set: events a millisecond apart may share a timestamp.
    const events = await db.auditEvent.findMany({ where: { propertyId: property.id } });
    expect(events.map((e) => [e.action, e.targetId, e.actorId])).toEqual(
      expect.arrayContaining([
        ["member.invited", invitation.id, owner!.id],
        ["member.invitation_revoked", invitation.id, owner!.id],
        ["member.role_changed", manager!.id, owner!.id],
        ["member.removed", staff!.id, owner!.id],
        ["member.left", manager!.id, manager!.id],
        ["team_settings.updated", property.id, owner!.id],
      ]),
    );
    expect(events).toHaveLength(6);
    expect((await db.property.findUniqueOrThrow({ where: { id: property.id } })).requireTwoFactorForManagers).toBe(true);
  });
});

// The races below are decided by lockTeam's row locks on a PostgreSQL server (TEST_DATABASE_URL); the
// embedded database's single connection runs the transactions one after another anyway.
describe("the last owner", () => {
  it("cannot leave, be demoted or be removed", async () => {
    const { users, as, membershipOf } = await propertyWith("OWNER", "ADMIN");
    const [owner] = users;
    await expect(leaveProperty(as(owner!))).rejects.toThrow(/only owner/);
    await expect(changeMemberRole(as(owner!), { memberId: (await membershipOf(owner!)).id, role: "ADMIN" })).rejects.toThrow(
      /at least one owner/,
    );
    expect((await membershipOf(owner!)).role).toBe("OWNER");
  });

  it("two owners demoting each other at once leave exactly one owner", async () => {
    for (let round = 0; round < 5; round++) {
      const { property, users, as, membershipOf } = await propertyWith("OWNER", "OWNER");
      const [a, b] = users;
      const [memberA, memberB] = [await membershipOf(a!), await membershipOf(b!)];
      const outcomes = await Promise.allSettled([
        changeMemberRole(as(a!), { memberId: memberB.id, role: "ADMIN" }),
        changeMemberRole(as(b!), { memberId: memberA.id, role: "ADMIN" }),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      expect(await db.membership.count({ where: { propertyId: property.id, role: "OWNER" } })).toBe(1);
    }
  });

  it("two owners leaving at once leave exactly one owner", async () => {
    const { property, users, as } = await propertyWith("OWNER", "OWNER");
    const outcomes = await Promise.allSettled(users.map((user) => leaveProperty(as(user))));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { propertyId: property.id, role: "OWNER" } })).toBe(1);
  });
});

// Who may change whom on a property's team. Pure, so the page hides what the server would refuse and
// the use cases (which hold the team's lock) enforce the same answers. Each function answers null
// when allowed, else the refusal a person reads.
import type { Role } from "../db/generated/prisma/enums";

export const ROLES: readonly Role[] = ["OWNER", "ADMIN", "MANAGER", "STAFF"];

/** The roles an admin hands out and takes back: everything below themselves. */
const BELOW_ADMIN: ReadonlySet<Role> = new Set(["MANAGER", "STAFF"]);

export const LAST_OWNER_MESSAGE = "A property needs at least one owner: make someone else an owner first.";

/** The roles `actor` may invite members as, or move members between. */
export function assignableRoles(actor: Role): Role[] {
  if (actor === "OWNER") return [...ROLES];
  if (actor === "ADMIN") return ROLES.filter((role) => BELOW_ADMIN.has(role));
  return [];
}

/** Whether `actor` manages a member who has `target` (changes their role, removes them). */
function manages(actor: Role, target: Role): boolean {
  return actor === "OWNER" || (actor === "ADMIN" && BELOW_ADMIN.has(target));
}

export function inviteRefusal(actor: Role, role: Role): string | null {
  if (assignableRoles(actor).includes(role)) return null;
  return actor === "ADMIN" ? "Admins can invite managers and staff only." : "Only owners and admins can invite members.";
}

export interface TeamChange {
  /** The role of the member being changed. */
  target: Role;
  /** Whether the member being changed is the actor. */
  self: boolean;
  /** How many owners the property has now. */
  owners: number;
}

export function roleChangeRefusal(actor: Role, change: TeamChange & { to: Role }): string | null {
  if (change.to === change.target) return "The member already has this role.";
  if (!manages(actor, change.target) || !assignableRoles(actor).includes(change.to)) {
    return actor === "ADMIN" ? "Admins can move members between Manager and Staff only." : "Only owners and admins can change roles.";
  }
  if (change.target === "OWNER" && change.owners <= 1) return LAST_OWNER_MESSAGE;
  return null;
}

export function removalRefusal(actor: Role, change: TeamChange): string | null {
  if (change.self) return "To leave the property yourself, use “Leave property”.";
  if (!manages(actor, change.target)) {
    return actor === "ADMIN" ? "Admins can remove managers and staff only." : "Only owners and admins can remove members.";
  }
  if (change.target === "OWNER" && change.owners <= 1) return LAST_OWNER_MESSAGE;
  return null;
}

/** Anyone may leave, except the last owner: nobody would be left to run the property. */
export function leaveRefusal(member: { role: Role; owners: number }): string | null {
  if (member.role === "OWNER" && member.owners <= 1) return "You are the only owner: make someone else an owner before you leave.";
  return null;
}

// What each role may do. Only OWNER and ADMIN manage API access; MANAGER may look; STAFF may not open it.
import type { Role } from "../db/generated/prisma/enums";

export const ROLE_LABEL: Record<Role, string> = { OWNER: "Owner", ADMIN: "Admin", MANAGER: "Manager", STAFF: "Staff" };

export const can = {
  viewApiAccess: (role: Role) => role !== "STAFF",
  manageApiAccess: (role: Role) => role === "OWNER" || role === "ADMIN",
  manageApiLimits: (role: Role) => role === "OWNER",
  /** Door PINs in webhook deliveries: MANAGER sees deliveries with the PINs masked. */
  readDoorCodesInDeliveries: (role: Role) => role === "OWNER" || role === "ADMIN",
  createReservation: (_role: Role) => true,
  checkInOut: (_role: Role) => true,
  cancelReservation: (role: Role) => role !== "STAFF",
  /** A payment taken at the desk; refunds stay with the payment integration. */
  recordPayment: (_role: Role) => true,
  eraseGuest: (role: Role) => role === "OWNER" || role === "ADMIN",
  viewTeam: (_role: Role) => true,
  manageTeam: (role: Role) => role === "OWNER" || role === "ADMIN",
  manageTeamSettings: (role: Role) => role === "OWNER",
  viewActivity: (role: Role) => role !== "STAFF",
} satisfies Record<string, (role: Role) => boolean>;

export type Permission = keyof typeof can;

/** What a member is told when their role lacks the permission. */
export const DENIED: Record<Permission, string> = {
  viewApiAccess: "Your role cannot open API Access.",
  manageApiAccess: "Only owners and admins can manage API keys and webhooks.",
  manageApiLimits: "Only owners can change the API limits.",
  readDoorCodesInDeliveries: "Only owners and admins see door codes in webhook deliveries.",
  createReservation: "Your role does not allow this action.",
  checkInOut: "Your role does not allow this action.",
  cancelReservation: "Your role does not allow this action.",
  recordPayment: "Your role does not allow this action.",
  eraseGuest: "Only owners and admins can erase a guest's personal data.",
  viewTeam: "Your role does not allow this action.",
  manageTeam: "Only owners and admins can manage the team.",
  manageTeamSettings: "Only owners can change the team's settings.",
  viewActivity: "Your role cannot open the activity log.",
};

/** Actions a property that requires 2FA refuses to members without it. */
export const NEEDS_TWO_FACTOR_WHEN_REQUIRED: ReadonlySet<Permission> = new Set([
  "manageApiAccess",
  "manageApiLimits",
  "manageTeam",
  "manageTeamSettings",
]);

/** Whether the property makes this member set up 2FA before managing anything. */
export function mustSetUpTwoFactor(
  property: { requireTwoFactorForManagers: boolean },
  role: Role,
  user: { twoFactorEnabled: boolean },
): boolean {
  return property.requireTwoFactorForManagers && can.manageApiAccess(role) && !user.twoFactorEnabled;
}

export const TWO_FACTOR_SETUP_MESSAGE =
  "This property requires two-factor authentication for members who manage API access: set it up first.";

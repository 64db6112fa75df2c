// What each role may do. Only OWNER and ADMIN manage API access; MANAGER may look; STAFF may not open it.
import type { Role } from "../db/generated/prisma/enums";

export const ROLE_LABEL: Record<Role, string> = { OWNER: "Owner", ADMIN: "Admin", MANAGER: "Manager", STAFF: "Staff" };

export const can = {
  viewApiAccess: (role: Role) => role !== "STAFF",
  manageApiAccess: (role: Role) => role === "OWNER" || role === "ADMIN",
  manageApiLimits: (role: Role) => role === "OWNER",
  createReservation: (_role: Role) => true,
  checkInOut: (_role: Role) => true,
  cancelReservation: (role: Role) => role !== "STAFF",
} satisfies Record<string, (role: Role) => boolean>;

export type Permission = keyof typeof can;

/** What a member is told when their role lacks the permission. */
export const DENIED: Record<Permission, string> = {
  viewApiAccess: "Your role cannot open API Access.",
  manageApiAccess: "Only owners and admins can manage API keys and webhooks.",
  manageApiLimits: "Only owners can change the API limits.",
  createReservation: "Your role does not allow this action.",
  checkInOut: "Your role does not allow this action.",
  cancelReservation: "Your role does not allow this action.",
};

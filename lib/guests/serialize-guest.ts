import type { Guest } from "../db/generated/prisma/client";
import type { GuestResource } from "./guest-resource";

export function serializeGuest(g: Guest): GuestResource {
  return {
    id: g.id,
    firstName: g.firstName,
    lastName: g.lastName,
    email: g.email,
    phone: g.phone,
    country: g.country,
    externalRef: g.externalRef,
    erasedAt: g.erasedAt?.toISOString() ?? null,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

import "server-only";
import { db } from "../db/client";
import { notFound } from "../errors/app-error";
import type { GuestResource } from "./guest-resource";
import { serializeGuest } from "./serialize-guest";

/** One guest of the property, as the API shows it. */
export async function getGuest(propertyId: string, id: string): Promise<GuestResource> {
  const guest = await db.guest.findFirst({ where: { id, propertyId } });
  if (!guest) throw notFound("Guest");
  return serializeGuest(guest);
}

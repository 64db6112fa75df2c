import "server-only";
import { db } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { serializeGuestErasure, type GuestErasureResource } from "./guest-erasure-resource";

/** The erasure of a guest of the property; 404 for an unknown guest or one not erased. */
export async function getGuestErasure(propertyId: string, guestId: string): Promise<GuestErasureResource> {
  const guest = await db.guest.findFirst({ where: { id: guestId, propertyId }, select: { id: true, erasedAt: true } });
  if (!guest) throw notFound("Guest");
  if (!guest.erasedAt) throw new AppError("NOT_FOUND", "This guest's personal data was not erased.");
  return serializeGuestErasure(await db.guestErasure.findUnique({ where: { guestId } }), guest);
}

// A guest's email is unique in its property, without regard to case: a partial unique index on
// (propertyId, lower(email)), where erased guests (email null) hold nothing. Every write that gives a
// guest an address first claims it here: a lock on (property, address) held to the end of the
// transaction, so of two requests with one new address the second waits for the first to commit, then
// finds its guest and reuses it or answers 409, instead of failing on the index with a 500.
import "server-only";
import type { DbTx } from "../db/client";
import { AppError } from "../errors/app-error";

/** Locks the address for the rest of the transaction; answers the guest that has it, if any (other than `except`). */
export async function claimGuestEmail(tx: DbTx, propertyId: string, email: string, except?: string): Promise<{ id: string } | null> {
  const address = email.toLowerCase();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`guest-email:${propertyId}:${address}`}, 0))`;
  return tx.guest.findFirst({
    where: { propertyId, email: address, ...(except ? { id: { not: except } } : {}) },
    select: { id: true },
  });
}

/** 409 CONFLICT naming the guest that has the address, as for every unique field of a guest. */
export const emailTaken = (guestId: string) =>
  new AppError("CONFLICT", `Guest ${guestId} already has this email.`, { email: [`Already used by guest ${guestId}`] });

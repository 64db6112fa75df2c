// Creating and changing a guest record through the API. A guest's email is unique in the property (a
// second record with the same address is refused with 409, pointing at the first, also when both race),
// and so is the integrator's externalRef. Both writes are audited.
import "server-only";
import { z } from "zod";
import { EMAIL_HINT, notBlank } from "../openapi/input-hints";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db, type DbTx } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { claimGuestEmail, emailTaken } from "./claim-guest-email";
import type { GuestResource } from "./guest-resource";
import { serializeGuest } from "./serialize-guest";

const name = (label: string) => z.string().trim().min(1, `${label} is required`).max(100).meta(notBlank());
const email = z.string().trim().toLowerCase().max(200).meta(EMAIL_HINT).pipe(z.email());
const phone = z.string().trim().min(3).max(40).meta(notBlank(3));
const country = z
  .string()
  .trim()
  .max(2, "An ISO 3166-1 alpha-2 code, e.g. DE")
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "An ISO 3166-1 alpha-2 code, e.g. DE");
const externalRef = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .meta({ ...notBlank(), description: "Your own reference for the guest, unique in the property" });

export const createGuestInput = z.strictObject({
  firstName: name("firstName"),
  lastName: name("lastName"),
  email: email.optional(),
  phone: phone.optional(),
  country: country.optional(),
  externalRef: externalRef.optional(),
});

/** Any of the fields; null clears an optional one. */
export const updateGuestInput = z
  .strictObject({
    firstName: name("firstName").optional(),
    lastName: name("lastName").optional(),
    email: email.nullable().optional(),
    phone: phone.nullable().optional(),
    country: country.nullable().optional(),
    externalRef: externalRef.nullable().optional(),
  })
  .refine((input) => Object.keys(input).length > 0, "Send at least one field to change")
  .meta({ minProperties: 1 });

async function assertUnique(tx: DbTx, propertyId: string, fields: { email?: string | null; externalRef?: string | null }, self?: string) {
  if (fields.email) {
    const holder = await claimGuestEmail(tx, propertyId, fields.email, self);
    if (holder) throw emailTaken(holder.id);
  }
  if (fields.externalRef) {
    const other = await tx.guest.findFirst({
      where: { propertyId, externalRef: fields.externalRef, ...(self ? { id: { not: self } } : {}) },
      select: { id: true },
    });
    if (other)
      throw new AppError("CONFLICT", `Guest ${other.id} already has this externalRef.`, {
        externalRef: [`Already used by guest ${other.id}`],
      });
  }
}

export async function createGuest(options: {
  propertyId: string;
  actor: Actor;
  input: z.infer<typeof createGuestInput>;
}): Promise<GuestResource> {
  const { propertyId, actor, input } = options;
  return db.$transaction(async (tx) => {
    await assertUnique(tx, propertyId, input);
    const guest = await tx.guest.create({
      data: {
        propertyId,
        firstName: input.firstName,
        lastName: input.lastName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        country: input.country ?? null,
        externalRef: input.externalRef ?? null,
      },
    });
    await recordAuditEvent(tx, { propertyId, actor, action: "guest.created", targetType: "guest", targetId: guest.id });
    return serializeGuest(guest);
  });
}

export async function updateGuest(options: {
  propertyId: string;
  actor: Actor;
  guestId: string;
  input: z.infer<typeof updateGuestInput>;
}): Promise<GuestResource> {
  const { propertyId, actor, guestId, input } = options;
  return db.$transaction(async (tx) => {
    const existing = await tx.guest.findFirst({ where: { id: guestId, propertyId }, select: { id: true, erasedAt: true } });
    if (!existing) throw notFound("Guest");
    if (existing.erasedAt) throw new AppError("GUEST_ERASED", "This guest's personal data was erased: it takes no new personal data.");
    await assertUnique(tx, propertyId, input, guestId);
    // Conditional, so a change racing an erasure cannot write personal data onto the erased record.
    const { count } = await tx.guest.updateMany({ where: { id: guestId, erasedAt: null }, data: input });
    if (count === 0) throw new AppError("GUEST_ERASED", "This guest's personal data was erased: it takes no new personal data.");
    const guest = await tx.guest.findUniqueOrThrow({ where: { id: guestId } });
    await recordAuditEvent(tx, {
      propertyId,
      actor,
      action: "guest.updated",
      targetType: "guest",
      targetId: guest.id,
      metadata: { fields: Object.keys(input) },
    });
    return serializeGuest(guest);
  });
}

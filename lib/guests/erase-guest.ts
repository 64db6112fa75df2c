// Erasure of a guest (GDPR art. 17), in two steps.
// 1. Now, in one short transaction with the guest's row locked (so concurrent erasures queue, and only the
//    first does anything): the guest keeps its id (stays and payments still add up) but loses every personal
//    field, and the rows that belong to it are scrubbed: its conversations' messages and subjects, its stays'
//    notes and door names, stored idempotent answers about it. Every value the guest ever had counts (the
//    "GuestFormerValue" history), then that history goes. `guest.erased` tells every subscribed integration to
//    delete its copy, once. A GuestErasure job is queued with what to look for, sealed.
// 2. In the background (run-guest-erasures.ts): the property's request logs, events, webhook deliveries and
//    attempts and audit trail are scanned in batches, and the rows tied to the guest are scrubbed, with
//    progress (GET /guests/{id}/erasure). Erasing again answers the same erasure and changes nothing.
import "server-only";
import { randomBytes } from "node:crypto";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { seal, unseal } from "../crypto/seal";
import { db, type DbTx } from "../db/client";
import type { Guest } from "../db/generated/prisma/client";
import { notFound } from "../errors/app-error";
import { recordDomainEvent } from "../events/record-domain-event";
import { rewriteBufferedRequestLogs } from "../request-logs/log-writer";
import { ERASED, jsScrubber, scrubPattern, type GuestTerms } from "./erasure-terms";
import { serializeGuestErasure, type GuestErasureResource } from "./guest-erasure-resource";
import type { GuestResource } from "./guest-resource";
import { serializeGuest } from "./serialize-guest";

export { ERASED };

/** What to look for: the guest's identifiers, and every personal value it had, current and former. */
async function termsOf(tx: DbTx, guest: Guest): Promise<GuestTerms> {
  const [former, stays, conversations] = await Promise.all([
    tx.guestFormerValue.findMany({ where: { guestId: guest.id } }),
    tx.reservation.findMany({ where: { guestId: guest.id, propertyId: guest.propertyId }, select: { id: true, code: true } }),
    tx.conversation.findMany({ where: { guestId: guest.id, propertyId: guest.propertyId }, select: { id: true } }),
  ]);
  const stayIds = stays.map((s) => s.id);
  const [payments, accesses] = await Promise.all([
    tx.payment.findMany({ where: { reservationId: { in: stayIds } }, select: { id: true } }),
    tx.reservationAccess.findMany({ where: { reservationId: { in: stayIds } }, select: { id: true } }),
  ]);
  const values = (field: keyof Guest & string, current: string | null) =>
    [current, ...former.filter((f) => f.field === field).map((f) => f.value)].filter((v): v is string => !!v && v !== ERASED);
  const firstNames = values("firstName", guest.firstName);
  const lastNames = values("lastName", guest.lastName);
  return {
    ids: [
      guest.id,
      ...stays.flatMap((s) => [s.id, s.code]),
      ...conversations.map((c) => c.id),
      ...payments.map((p) => p.id),
      ...accesses.map((a) => a.id),
    ],
    emails: values("email", guest.email),
    phones: values("phone", guest.phone),
    names: [...firstNames.flatMap((first) => lastNames.map((last) => `${first} ${last}`)), ...firstNames, ...lastNames],
    externalRefs: values("externalRef", guest.externalRef),
    countries: values("country", guest.country),
  };
}

/** The rows that belong to the guest, scrubbed of every value it had (the request's part of the work: a few rows). */
async function scrubOwnRows(tx: DbTx, guest: Guest, terms: GuestTerms): Promise<number> {
  const scrub = scrubPattern(terms, "pg");
  if (!scrub) return 0;
  const replace = (column: string) => `regexp_replace(${column}, $2, '${ERASED}', 'gi')`;
  const statements = [
    `UPDATE "Message" m SET body = ${replace("m.body")}, "senderName" = ${replace('m."senderName"')}
       FROM "Conversation" c WHERE c.id = m."conversationId" AND c."guestId" = $1 AND (m.body ~* $2 OR m."senderName" ~* $2)`,
    `UPDATE "Conversation" SET subject = ${replace("subject")} WHERE "guestId" = $1 AND subject ~* $2`,
    `UPDATE "Reservation" SET notes = ${replace("notes")} WHERE "guestId" = $1 AND notes ~* $2`,
    `UPDATE "ReservationAccess" a SET "lockName" = ${replace('a."lockName"')}
       FROM "Reservation" r WHERE r.id = a."reservationId" AND r."guestId" = $1 AND a."lockName" ~* $2`,
  ];
  let changed = 0;
  for (const sql of statements) changed += await tx.$executeRawUnsafe(sql, guest.id, scrub);
  return changed;
}

export interface ErasedGuest {
  guest: GuestResource;
  erasure: GuestErasureResource;
  /** False when the guest had been erased already: nothing was done again. */
  erasedNow: boolean;
}

export async function eraseGuest(options: { propertyId: string; guestId: string; actor: Actor }): Promise<ErasedGuest> {
  const { propertyId, guestId, actor } = options;
  const result = await db.$transaction(async (tx) => {
    // Concurrent erasures of one guest queue here; the ones after the first find it erased.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Guest" WHERE id = ${guestId} AND "propertyId" = ${propertyId} FOR UPDATE`;
    if (locked.length === 0) throw notFound("Guest");
    const guest = await tx.guest.findUniqueOrThrow({ where: { id: guestId } });
    if (guest.erasedAt) {
      const erasure = await tx.guestErasure.findUnique({ where: { guestId } });
      return { guest, erasure, terms: null };
    }
    const terms = await termsOf(tx, guest);
    const erasedAt = new Date();
    const erased = await tx.guest.update({
      where: { id: guest.id },
      data: { firstName: ERASED, lastName: ERASED, email: null, phone: null, country: null, externalRef: null, erasedAt },
    });
    await tx.guestFormerValue.deleteMany({ where: { guestId } });
    const scrubbed = await scrubOwnRows(tx, guest, terms);
    // Sealed answers kept for Idempotency-Key replays (24 hours): those about the guest go.
    const tied = jsScrubber(terms);
    const keys = await tx.apiKey.findMany({ where: { propertyId }, select: { id: true } });
    const answers = await tx.idempotencyRecord.findMany({
      where: { apiKeyId: { in: keys.map((k) => k.id) }, responseBody: { not: null } },
      select: { id: true, responseBody: true },
    });
    const about = answers.filter((a) => tied.applies(unseal(a.responseBody!)));
    if (about.length > 0) await tx.idempotencyRecord.deleteMany({ where: { id: { in: about.map((a) => a.id) } } });
    const erasure = await tx.guestErasure.create({
      data: {
        id: `ger_${randomBytes(12).toString("hex")}`,
        propertyId,
        guestId,
        requestedBy: actor.label,
        sealedTerms: seal(JSON.stringify(terms)),
      },
    });
    await recordAuditEvent(tx, {
      propertyId,
      actor,
      action: "guest.erased",
      targetType: "guest",
      targetId: guest.id,
      metadata: { rowsScrubbed: scrubbed, storedAnswersDropped: about.length, erasureId: erasure.id },
    });
    await recordDomainEvent(tx, { propertyId, type: "guest.erased", data: { guest: { id: guest.id, erasedAt: erasedAt.toISOString() } } });
    return { guest: erased, erasure, terms };
  });
  // Request logs still waiting in this process's buffer are scrubbed in memory; those of other instances are
  // in the table before the background scan starts (it waits a few seconds for them).
  if (result.terms) rewriteBufferedRequestLogs(propertyId, jsScrubber(result.terms));
  return {
    guest: serializeGuest(result.guest),
    erasure: serializeGuestErasure(result.erasure, result.guest),
    erasedNow: result.terms !== null,
  };
}

// Erasure of a guest (GDPR art. 17). The guest record keeps its id (reservations and payments still add
// up) but loses every personal field; then the guest's email, phone and names are scrubbed, as whole
// words and case-insensitively, wherever the property's data may have copied them: messages and
// conversation subjects, reservation notes, request-log paths, queries and bodies, outbox events, webhook
// payloads and attempts, the audit trail. Stored idempotent answers (sealed) that mention them are
// dropped. `guest.erased` tells every subscribed integration to delete its copy. One transaction.
import "server-only";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { unseal } from "../crypto/seal";
import { db, type DbTx } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { recordDomainEvent } from "../events/record-domain-event";
import { rewriteBufferedRequestLogs } from "../request-logs/log-writer";
import type { GuestResource } from "./guest-resource";
import { serializeGuest } from "./serialize-guest";

export const ERASED = "[erased]";

/** The texts to scrub: email, phone, each name and the full name, longest first (so "Ada Lovelace" goes whole). */
function needlesOf(guest: { firstName: string; lastName: string; email: string | null; phone: string | null }): string[] {
  const full = `${guest.firstName} ${guest.lastName}`.trim();
  const texts = [guest.email, guest.phone, full, guest.firstName, guest.lastName].filter((t): t is string => !!t && t.trim().length >= 2);
  return [...new Set(texts.map((t) => t.trim()))].sort((a, b) => b.length - a.length);
}

/** A PostgreSQL regular expression matching `text` as a whole word (not inside a longer one), any case. */
const wordPattern = (text: string) => `(?<![[:alnum:]_])${text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")}(?![[:alnum:]_])`;
/** The same whole-word match as a JavaScript regular expression. */
const jsWordPattern = (text: string) => `(?<![\\p{L}\\p{N}_])${text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")}(?![\\p{L}\\p{N}_])`;
// Inside JSON text a needle appears escaped as JSON escapes it.
const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1);

async function scrub(tx: DbTx, propertyId: string, needles: string[]): Promise<number> {
  let changed = 0;
  for (const needle of needles) {
    const plain = wordPattern(needle);
    const inJson = wordPattern(jsonEscaped(needle));
    const replacement = ERASED;
    const statements: [string, string[]][] = [
      [
        `UPDATE "Message" SET body = regexp_replace(body, $2, $3, 'gi'), "senderName" = regexp_replace("senderName", $2, $3, 'gi') WHERE "propertyId" = $1 AND (body ~* $2 OR "senderName" ~* $2)`,
        [plain],
      ],
      [`UPDATE "Conversation" SET subject = regexp_replace(subject, $2, $3, 'gi') WHERE "propertyId" = $1 AND subject ~* $2`, [plain]],
      [`UPDATE "Reservation" SET notes = regexp_replace(notes, $2, $3, 'gi') WHERE "propertyId" = $1 AND notes ~* $2`, [plain]],
      [
        `UPDATE "RequestLog" SET path = regexp_replace(path, $2, $3, 'gi'), query = regexp_replace(query::text, $4, $3, 'gi')::jsonb,
           "requestBody" = regexp_replace("requestBody", $4, $3, 'gi'), "responseBody" = regexp_replace("responseBody", $4, $3, 'gi')
         WHERE "propertyId" = $1 AND (path ~* $2 OR query::text ~* $4 OR "requestBody" ~* $4 OR "responseBody" ~* $4)`,
        [plain, inJson],
      ],
      [
        `UPDATE "OutboxEvent" SET payload = regexp_replace(payload::text, $2, $3, 'gi')::jsonb WHERE "propertyId" = $1 AND payload::text ~* $2`,
        [inJson],
      ],
      [`UPDATE "WebhookDelivery" SET payload = regexp_replace(payload, $2, $3, 'gi') WHERE "propertyId" = $1 AND payload ~* $2`, [inJson]],
      [
        `UPDATE "WebhookAttempt" a SET "requestBody" = regexp_replace(a."requestBody", $2, $3, 'gi'), "responseBody" = regexp_replace(a."responseBody", $2, $3, 'gi')
         FROM "WebhookDelivery" d WHERE d.id = a."deliveryId" AND d."propertyId" = $1 AND (a."requestBody" ~* $2 OR a."responseBody" ~* $2)`,
        [inJson],
      ],
      [
        `UPDATE "AuditEvent" SET metadata = regexp_replace(metadata::text, $2, $3, 'gi')::jsonb WHERE "propertyId" = $1 AND metadata::text ~* $2`,
        [inJson],
      ],
    ];
    for (const [sql, [pattern, jsonPattern]] of statements) {
      const params = jsonPattern === undefined ? [propertyId, pattern, replacement] : [propertyId, pattern, replacement, jsonPattern];
      changed += await tx.$executeRawUnsafe(sql, ...params);
    }
  }
  return changed;
}

export async function eraseGuest(options: { propertyId: string; guestId: string; actor: Actor }): Promise<GuestResource> {
  const { propertyId, guestId, actor } = options;
  return db.$transaction(async (tx) => {
    const guest = await tx.guest.findFirst({ where: { id: guestId, propertyId } });
    if (!guest) throw notFound("Guest");
    if (guest.erasedAt) throw new AppError("INVALID_STATE", "This guest was already erased.");
    const needles = needlesOf(guest);
    const erasedAt = new Date();
    const erased = await tx.guest.update({
      where: { id: guest.id },
      data: { firstName: ERASED, lastName: ERASED, email: null, phone: null, country: null, externalRef: null, erasedAt },
    });
    const scrubbed = await scrub(tx, propertyId, needles);
    // Request logs still waiting in this process's buffer are scrubbed in memory. (An instance's batch
    // already on its way to the table when this commits, at most 250 ms of requests, is not.)
    const patterns = needles.flatMap((n) => [n, jsonEscaped(n)]).map((n) => new RegExp(jsWordPattern(n), "giu"));
    rewriteBufferedRequestLogs(propertyId, (text) => patterns.reduce((t, pattern) => t.replace(pattern, ERASED), text));
    // Sealed answers kept for Idempotency-Key replays (24 hours): those that mention the guest go.
    const keys = await tx.apiKey.findMany({ where: { propertyId }, select: { id: true } });
    const answers = await tx.idempotencyRecord.findMany({
      where: { apiKeyId: { in: keys.map((k) => k.id) }, responseBody: { not: null } },
      select: { id: true, responseBody: true },
    });
    const lower = needles.map((n) => n.toLowerCase());
    const mentioning = answers.filter((a) => {
      const text = unseal(a.responseBody!).toLowerCase();
      return lower.some((n) => text.includes(n) || text.includes(jsonEscaped(n)));
    });
    if (mentioning.length > 0) await tx.idempotencyRecord.deleteMany({ where: { id: { in: mentioning.map((a) => a.id) } } });
    await recordAuditEvent(tx, {
      propertyId,
      actor,
      action: "guest.erased",
      targetType: "guest",
      targetId: guest.id,
      metadata: { rowsScrubbed: scrubbed, storedAnswersDropped: mentioning.length },
    });
    await recordDomainEvent(tx, { propertyId, type: "guest.erased", data: { guest: { id: guest.id, erasedAt: erasedAt.toISOString() } } });
    return serializeGuest(erased);
  });
}

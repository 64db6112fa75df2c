import "server-only";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { notFound } from "../errors/app-error";
import type { UpdateApiKeyDetailsInput } from "./schemas";

/**
 * Renames a key or changes its note. Nothing an integration sees changes, so it needs no sudo and
 * works on a stopped key too (a revoked key's note can say why). No change, no audit event.
 */
export async function updateApiKeyDetails(options: { propertyId: string; actor: Actor; input: UpdateApiKeyDetailsInput }) {
  const { propertyId, actor, input } = options;
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: input.keyId, propertyId } });
    if (!key) throw notFound("API key");
    if (key.name === input.name && key.note === input.note) return { key, changed: false };
    const updated = await tx.apiKey.update({ where: { id: key.id }, data: { name: input.name, note: input.note } });
    await recordAuditEvent(tx, {
      propertyId,
      actor,
      action: "api_key.updated",
      targetType: "api_key",
      targetId: key.id,
      metadata: {
        name: input.name,
        previousName: key.name === input.name ? null : key.name,
        noteChanged: key.note !== input.note,
        mode: key.mode,
        preview: `…${key.last4}`,
      },
    });
    return { key: updated, changed: true };
  });
}

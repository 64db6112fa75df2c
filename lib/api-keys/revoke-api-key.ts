import "server-only";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { invalidateCachedKeys } from "./verify-api-key";

/** Stops a key at once. The row stays, so the list shows who revoked it and when. */
export async function revokeApiKey(options: { propertyId: string; keyId: string; actor: Actor }) {
  const { propertyId, keyId, actor } = options;
  const now = new Date();
  const key = await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: keyId, propertyId } });
    if (!key) throw notFound("API key");
    if (key.revokedAt && key.revokedAt <= now) throw new AppError("INVALID_STATE", "This key is already revoked.");
    const updated = await tx.apiKey.update({
      where: { id: key.id },
      data: { revokedAt: now, revokedById: actor.id, revokedByLabel: actor.label },
    });
    await recordAuditEvent(tx, {
      propertyId,
      actor,
      action: "api_key.revoked",
      targetType: "api_key",
      targetId: key.id,
      metadata: { name: key.name, mode: key.mode, preview: `…${key.last4}` },
    });
    return updated;
  });
  invalidateCachedKeys([key.hash]);
  return key;
}

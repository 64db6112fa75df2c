import "server-only";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { notifyKeysRevoked } from "../webhooks/engine/outbox-notifications";
import { invalidateCachedKeys } from "./verify-api-key";

/**
 * Stops a key at once; with `pair`, its live/test partner too (as RecepAI revokes both keys of a
 * pair). The rows stay, so the list shows who revoked them and when.
 */
export async function revokeApiKey(options: { propertyId: string; keyId: string; actor: Actor; pair?: boolean }) {
  const { propertyId, keyId, actor } = options;
  const now = new Date();
  const { key, hashes } = await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: keyId, propertyId } });
    if (!key) throw notFound("API key");
    if (key.revokedAt && key.revokedAt <= now) throw new AppError("INVALID_STATE", "This key is already revoked.");
    const partners =
      options.pair && key.pairId ? await tx.apiKey.findMany({ where: { pairId: key.pairId, propertyId, id: { not: key.id } } }) : [];
    const targets = [key, ...partners.filter((p) => !(p.revokedAt && p.revokedAt <= now))];
    let updated = key;
    for (const target of targets) {
      const row = await tx.apiKey.update({
        where: { id: target.id },
        data: { revokedAt: now, revokedById: actor.id, revokedByLabel: actor.label },
      });
      if (target.id === key.id) updated = row;
      await recordAuditEvent(tx, {
        propertyId,
        actor,
        action: "api_key.revoked",
        targetType: "api_key",
        targetId: target.id,
        metadata: { name: target.name, mode: target.mode, preview: `…${target.last4}` },
      });
    }
    // Their open event streams end on every instance as this commits (not at their next 30-second check).
    await notifyKeysRevoked(
      tx,
      targets.map((t) => t.id),
    );
    return { key: updated, hashes: targets.map((t) => t.hash) };
  });
  invalidateCachedKeys(hashes);
  return key;
}

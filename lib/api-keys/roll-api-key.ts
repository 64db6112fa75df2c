import "server-only";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { Plan } from "../db/generated/prisma/enums";
import { AppError, notFound } from "../errors/app-error";
import { keyRefusal } from "./key-status";
import { invalidateCachedKeys } from "./verify-api-key";
import { assertPlanIncludesApi } from "../properties/plan";
import { issueKey, type IssuedKey } from "./create-api-key";
import { GRACE_CHOICES, type RollApiKeyInput } from "./schemas";

/**
 * Replaces a key by a new one with the same name, mode and scopes. The old key keeps working for the
 * chosen grace period, never past its own expiry. With `pair`, its live/test partner rolls too.
 */
export async function rollApiKey(options: {
  property: { id: string; plan: Plan };
  actor: Actor;
  input: RollApiKeyInput;
}): Promise<IssuedKey[]> {
  const { property, actor, input } = options;
  assertPlanIncludesApi(property);
  const now = new Date();
  const result = await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: input.keyId, propertyId: property.id } });
    if (!key) throw notFound("API key");
    const keys = [key];
    if (input.pair && key.pairId) {
      keys.push(...(await tx.apiKey.findMany({ where: { pairId: key.pairId, propertyId: property.id, id: { not: key.id } } })));
    }
    const issued: IssuedKey[] = [];
    const hashes: string[] = [];
    for (const old of keys) {
      if (keyRefusal(old, now) || old.rolledAt) {
        throw new AppError(
          "INVALID_STATE",
          `The key "${old.name}" (${old.mode.toLowerCase()}) is already ${old.rolledAt ? "rolled" : "revoked or expired"}; create a new key instead.`,
        );
      }
      let until = new Date(now.getTime() + GRACE_CHOICES[input.grace]);
      if (old.expiresAt && old.expiresAt < until) until = old.expiresAt;
      // Conditional on the key still being unrolled, so two concurrent rolls cannot both succeed.
      const claimed = await tx.apiKey.updateMany({
        where: { id: old.id, rolledAt: null },
        data: { rolledAt: now, revokedAt: until, revokedById: actor.id, revokedByLabel: actor.label },
      });
      if (claimed.count === 0) throw new AppError("CONFLICT", "This key was rolled at the same moment by someone else.");
      // A key that expired on a schedule keeps that schedule's length from now on.
      const expiresAt = old.expiresAt ? new Date(now.getTime() + (old.expiresAt.getTime() - old.createdAt.getTime())) : null;
      const next = await issueKey(tx, {
        propertyId: property.id,
        name: old.name,
        note: old.note,
        mode: old.mode,
        scopes: old.scopes,
        expiresAt,
        actor,
        pairId: old.pairId,
        rolledFromId: old.id,
      });
      issued.push(next);
      hashes.push(old.hash);
      // The integration's endpoints follow its key: echo suppression keeps working after the roll.
      await tx.webhookEndpoint.updateMany({ where: { propertyId: property.id, ownerKeyId: old.id }, data: { ownerKeyId: next.id } });
      await recordAuditEvent(tx, {
        propertyId: property.id,
        actor,
        action: "api_key.rolled",
        targetType: "api_key",
        targetId: old.id,
        metadata: {
          name: old.name,
          mode: old.mode,
          newKeyId: next.id,
          preview: next.preview,
          grace: input.grace,
          oldKeyWorksUntil: until.toISOString(),
        },
      });
    }
    return { issued, hashes };
  });
  invalidateCachedKeys(result.hashes);
  return result.issued;
}

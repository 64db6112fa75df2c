import "server-only";
import { z } from "zod";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";

export const apiSettingsInput = z
  .strictObject({
    rateLimitPerSecond: z.coerce.number().int("Whole requests only").min(1, "At least 1").max(10_000, "At most 10,000"),
    rateLimitBurst: z.coerce.number().int("Whole requests only").min(1, "At least 1").max(20_000, "At most 20,000"),
    rateLimitPerDay: z.coerce.number().int("Whole requests only").min(1, "At least 1").max(100_000_000, "At most 100,000,000"),
    requirePartnerKey: z.boolean(),
    logRetentionDays: z.coerce.number().int("Whole days only").min(7, "At least 7 days").max(90, "At most 90 days"),
  })
  .refine((v) => v.rateLimitBurst >= v.rateLimitPerSecond, {
    path: ["rateLimitBurst"],
    message: "The burst must be at least the per-second rate",
  });
export type ApiSettingsInput = z.infer<typeof apiSettingsInput>;

/** Changes the property's API limits, partner requirement and log retention; keys pick limits up within 2 seconds. */
export async function updateApiSettings(options: { propertyId: string; actor: Actor; input: ApiSettingsInput }) {
  const { propertyId, actor, input } = options;
  return db.$transaction(async (tx) => {
    const before = await tx.property.findUniqueOrThrow({
      where: { id: propertyId },
      select: { rateLimitPerSecond: true, rateLimitBurst: true, rateLimitPerDay: true, requirePartnerKey: true, logRetentionDays: true },
    });
    const after = await tx.property.update({
      where: { id: propertyId },
      data: input,
      select: { rateLimitPerSecond: true, rateLimitBurst: true, rateLimitPerDay: true, requirePartnerKey: true, logRetentionDays: true },
    });
    await recordAuditEvent(tx, {
      propertyId,
      actor,
      action: "api_settings.updated",
      targetType: "property",
      targetId: propertyId,
      metadata: { before, after },
    });
    return after;
  });
}

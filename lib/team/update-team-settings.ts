import "server-only";
import type { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { TeamContext } from "./lock-team";
import type { teamSettingsInput } from "./schemas";

/** Turns on or off the property's requirement that members who manage API access have 2FA. */
export async function updateTeamSettings(context: TeamContext, input: z.output<typeof teamSettingsInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.property.findUniqueOrThrow({
      where: { id: context.propertyId },
      select: { requireTwoFactorForManagers: true },
    });
    const after = await tx.property.update({
      where: { id: context.propertyId },
      data: { requireTwoFactorForManagers: input.requireTwoFactorForManagers },
      select: { requireTwoFactorForManagers: true },
    });
    await recordAuditEvent(tx, {
      propertyId: context.propertyId,
      actor: context.actor,
      action: "team_settings.updated",
      targetType: "property",
      targetId: context.propertyId,
      metadata: { before, after },
    });
    return after;
  });
}

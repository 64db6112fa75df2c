import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { notFound } from "../errors/app-error";
import type { EndpointChange } from "./create-endpoint";
import { newSigningSecret, ROTATION_OVERLAP_MS } from "./engine/signing";

/**
 * A new secret signs from now on; the old one signs too for 24 hours (both in webhook-signature).
 * Rotating again within those 24 hours ends the earlier overlap: only the two newest secrets sign
 * (rotating twice is how one drops a leaked secret at once).
 */
export async function rotateSecret(context: EndpointChange, endpointId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, propertyId: context.propertyId } });
    if (!current) throw notFound("Webhook endpoint");
    const expires = new Date(now.getTime() + ROTATION_OVERLAP_MS);
    const endpoint = await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: { secret: newSigningSecret(), previousSecret: current.secret, previousSecretExpiresAt: expires },
    });
    await recordAuditEvent(tx, {
      propertyId: context.propertyId,
      actor: context.actor,
      action: "webhook_endpoint.secret_rotated",
      targetType: "webhook_endpoint",
      targetId: endpointId,
      metadata: { url: endpoint.url, previousSecretExpiresAt: expires.toISOString() },
    });
    return endpoint;
  });
}

import { recordAuditEvent } from "../audit/record-audit-event";
import { isSealed, seal } from "../crypto/seal";
import { db } from "../db/client";
import { notFound } from "../errors/app-error";
import type { EndpointChange } from "./create-endpoint";
import { newSigningSecret, ROTATION_OVERLAP_MS } from "./engine/signing";
import { lockEndpoint, raceError } from "./lock-endpoint";

/**
 * A new secret signs from now on; the old one signs too for 24 hours (both in webhook-signature).
 * Rotating again within those 24 hours ends the earlier overlap: only the two newest secrets sign
 * (rotating twice is how one drops a leaked secret at once). Returns the new secret in clear; both are stored sealed.
 */
export async function rotateSecret(context: EndpointChange, endpointId: string, now = new Date()) {
  const secret = newSigningSecret();
  const endpoint = await db
    .$transaction(async (tx) => {
      await lockEndpoint(tx, context.propertyId, endpointId);
      const current = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, propertyId: context.propertyId } });
      if (!current) throw notFound("Webhook endpoint");
      const expires = new Date(now.getTime() + ROTATION_OVERLAP_MS);
      const rotated = await tx.webhookEndpoint.update({
        where: { id: endpointId },
        // The previous secret moves over sealed as it is (one stored in clear before encryption is sealed now).
        data: {
          secret: seal(secret),
          previousSecret: isSealed(current.secret) ? current.secret : seal(current.secret),
          previousSecretExpiresAt: expires,
        },
      });
      await recordAuditEvent(tx, {
        propertyId: context.propertyId,
        actor: context.actor,
        action: "webhook_endpoint.secret_rotated",
        targetType: "webhook_endpoint",
        targetId: endpointId,
        metadata: { url: rotated.url, previousSecretExpiresAt: expires.toISOString() },
      });
      return rotated;
    })
    .catch((error: unknown) => Promise.reject(raceError(error)));
  return { ...endpoint, secret };
}

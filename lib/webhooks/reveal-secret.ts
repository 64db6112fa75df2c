import { recordAuditEvent } from "../audit/record-audit-event";
import { unseal } from "../crypto/seal";
import { db } from "../db/client";
import type { EndpointChange } from "./create-endpoint";
import { getEndpoint } from "./get-endpoint";

/** The current secret (decrypted), and when the previous one stops signing. Audited: someone looked. */
export async function revealSecret(context: EndpointChange, endpointId: string) {
  const endpoint = await getEndpoint(context.propertyId, endpointId);
  await recordAuditEvent(db, {
    propertyId: context.propertyId,
    actor: context.actor,
    action: "webhook_endpoint.secret_revealed",
    targetType: "webhook_endpoint",
    targetId: endpointId,
    metadata: { url: endpoint.url },
  });
  const now = new Date();
  const previousActive = endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  return {
    secret: unseal(endpoint.secret),
    previousSecretExpiresAt: previousActive ? endpoint.previousSecretExpiresAt : null,
  };
}

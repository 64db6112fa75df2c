import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { EndpointChange } from "./create-endpoint";
import { getEndpoint } from "./get-endpoint";

/** The current secret, and the previous one while it still signs. Audited: someone looked. */
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
    secret: endpoint.secret,
    previousSecretExpiresAt: previousActive ? endpoint.previousSecretExpiresAt : null,
  };
}

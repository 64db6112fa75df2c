// POST /api/v1/webhook-endpoints/{id}/rotate-secret: a new signing secret, returned this once; the
// previous one keeps signing for 24 hours (both signatures in webhook-signature).
import { single } from "@/lib/api/envelope";
import { webhookEndpointWithSecret } from "@/lib/webhooks/webhook-resources";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { rotateSecret } from "@/lib/webhooks/rotate-secret";
import { serializeEndpoint } from "@/lib/webhooks/serialize-webhooks";

export const POST = v1Route(
  {
    method: "POST",
    path: "/webhook-endpoints/{id}/rotate-secret",
    operationId: "rotateWebhookSecret",
    tag: "Webhooks",
    summary: "Rotate an endpoint's signing secret",
    description: "For 24 hours both the new and the previous secret sign every delivery, so receivers can switch without losing a message.",
    scope: "webhooks:write",
    response: single(webhookEndpointWithSecret),
    errors: [404],
  },
  async ({ property, key, params }) => {
    const endpoint = await rotateSecret({ propertyId: property.id, actor: apiKeyActor(key) }, params.id);
    return { data: { ...serializeEndpoint(endpoint), secret: endpoint.secret } };
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });

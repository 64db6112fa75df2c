// GET /api/v1/webhook-endpoints: the property's webhook endpoints (at most 20, one page).
// POST /api/v1/webhook-endpoints: add one; the answer carries its signing secret, this once.
import { listOf, single } from "@/lib/api/envelope";
import { webhookEndpointResource, webhookEndpointWithSecret } from "@/lib/webhooks/webhook-resources";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { listEndpointsForApi } from "@/lib/webhooks/list-endpoints";
import { createEndpoint } from "@/lib/webhooks/create-endpoint";
import { createEndpointInput } from "@/lib/webhooks/schemas";
import { serializeEndpoint } from "@/lib/webhooks/serialize-webhooks";

export const GET = v1Route(
  {
    method: "GET",
    path: "/webhook-endpoints",
    operationId: "listWebhookEndpoints",
    tag: "Webhooks",
    summary: "List webhook endpoints",
    scope: "webhooks:read",
    response: listOf(webhookEndpointResource),
  },
  ({ property }) => listEndpointsForApi(property.id),
);

export const POST = v1Route(
  {
    method: "POST",
    path: "/webhook-endpoints",
    operationId: "createWebhookEndpoint",
    tag: "Webhooks",
    summary: "Create a webhook endpoint",
    description:
      "Events of the chosen types (`*` for all) are POSTed to `url`, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). The signing secret is in this answer only. URLs resolving to loopback, private, link-local or metadata addresses are refused (422 URL_NOT_ALLOWED); https is required. The endpoint receives only the event types this key may read, as the events feed shows them: naming a type the key's scopes do not cover is refused (403), and `*` means every type it may read (door codes need `reservation_accesses:read`, payments `payments:read`, and so on).",
    scope: "webhooks:write",
    body: createEndpointInput,
    response: single(webhookEndpointWithSecret),
    status: 201,
    errors: [409, 413, 415, 422],
  },
  async ({ property, key, body }) => {
    const endpoint = await createEndpoint({ propertyId: property.id, actor: apiKeyActor(key) }, body);
    return { data: { ...serializeEndpoint(endpoint), secret: endpoint.secret } };
  },
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET, POST });

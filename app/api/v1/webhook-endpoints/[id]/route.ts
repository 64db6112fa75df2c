// GET, PATCH, DELETE /api/v1/webhook-endpoints/{id}: one endpoint of the key's property.
import { single } from "@/lib/api/envelope";
import { webhookEndpointResource } from "@/lib/webhooks/webhook-resources";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { deleteEndpoint } from "@/lib/webhooks/delete-endpoint";
import { getEndpoint } from "@/lib/webhooks/get-endpoint";
import { updateEndpointInput } from "@/lib/webhooks/schemas";
import { updateEndpoint } from "@/lib/webhooks/update-endpoint";
import { serializeEndpoint } from "@/lib/webhooks/serialize-webhooks";

export const GET = v1Route(
  {
    method: "GET",
    path: "/webhook-endpoints/{id}",
    operationId: "getWebhookEndpoint",
    tag: "Webhooks",
    summary: "Get a webhook endpoint",
    scope: "webhooks:read",
    response: single(webhookEndpointResource),
    errors: [404],
  },
  async ({ property, params }) => ({ data: serializeEndpoint(await getEndpoint(property.id, params.id)) }),
);

export const PATCH = v1Route(
  {
    method: "PATCH",
    path: "/webhook-endpoints/{id}",
    operationId: "updateWebhookEndpoint",
    tag: "Webhooks",
    summary: "Change a webhook endpoint",
    description:
      "URL, description, event types, or `enabled`. Enabling a disabled endpoint clears its reason and failure streak; its pending deliveries go out again. A key that changes an endpoint subscribes it anew: from then on it receives only the event types that key may read.",
    scope: "webhooks:write",
    body: updateEndpointInput,
    response: single(webhookEndpointResource),
    errors: [404, 409, 413, 415, 422],
  },
  async ({ property, key, params, body }) => ({
    data: serializeEndpoint(await updateEndpoint({ propertyId: property.id, actor: apiKeyActor(key) }, params.id, body)),
  }),
);

export const DELETE = v1Route(
  {
    method: "DELETE",
    path: "/webhook-endpoints/{id}",
    operationId: "deleteWebhookEndpoint",
    tag: "Webhooks",
    summary: "Delete a webhook endpoint",
    description: "The endpoint and its delivery history are removed; nothing more is sent to it. Answers the deleted endpoint.",
    scope: "webhooks:write",
    response: single(webhookEndpointResource),
    errors: [404, 409],
  },
  async ({ property, key, params }) => ({
    data: serializeEndpoint(await deleteEndpoint({ propertyId: property.id, actor: apiKeyActor(key) }, params.id)),
  }),
);

export const { POST, PUT, OPTIONS } = refuseOtherMethods({ GET, PATCH, DELETE });

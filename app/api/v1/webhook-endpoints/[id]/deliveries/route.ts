// GET /api/v1/webhook-endpoints/{id}/deliveries: recent deliveries to one endpoint, newest first, each
// with its attempts (what was sent, what the endpoint answered).
import { listOf } from "@/lib/api/envelope";
import { webhookDeliveryResource } from "@/lib/webhooks/webhook-resources";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { listDeliveriesForApi } from "@/lib/webhooks/list-deliveries";
import { listDeliveriesQuery } from "@/lib/webhooks/schemas";

export const GET = v1Route(
  {
    method: "GET",
    path: "/webhook-endpoints/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    tag: "Webhooks",
    summary: "List an endpoint's deliveries",
    description:
      "Only deliveries of the event types this key may read are listed (as in the events feed): door access codes need `reservation_accesses:read`, payments `payments:read`, and so on.",
    scope: "webhooks:read",
    query: listDeliveriesQuery,
    response: listOf(webhookDeliveryResource),
    errors: [404],
  },
  ({ key, property, params, query }) => listDeliveriesForApi(property.id, params.id, query, key.scopes),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

// GET /api/v1/webhook-endpoints/{id}/replays: the endpoint's latest replays, newest first, with progress.
import { listOf } from "@/lib/api/envelope";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { listReplays, webhookReplayResource } from "@/lib/webhooks/replay-deliveries";

export const GET = v1Route(
  {
    method: "GET",
    path: "/webhook-endpoints/{id}/replays",
    operationId: "listWebhookReplays",
    tag: "Webhooks",
    summary: "List an endpoint's replays",
    description: "The 10 latest replays of this endpoint, newest first, each with how many of its deliveries were sent and delivered.",
    scope: "webhooks:read",
    response: listOf(webhookReplayResource),
    errors: [404],
  },
  async ({ property, params }) => ({ data: await listReplays(property.id, params.id), nextCursor: null }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

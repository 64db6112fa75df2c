// GET /api/v1/webhook-endpoints/{id}/replays/{replayId}: one replay's progress.
import { single } from "@/lib/api/envelope";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { getReplay, webhookReplayResource } from "@/lib/webhooks/replay-deliveries";

export const GET = v1Route(
  {
    method: "GET",
    path: "/webhook-endpoints/{id}/replays/{replayId}",
    operationId: "getWebhookReplay",
    tag: "Webhooks",
    summary: "Get a replay's progress",
    scope: "webhooks:read",
    response: single(webhookReplayResource),
    errors: [404],
  },
  async ({ property, params }) => ({ data: await getReplay(property.id, params.id, params.replayId) }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

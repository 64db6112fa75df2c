// POST /api/v1/webhook-endpoints/{id}/replay: send a time window's deliveries again (failed ones, or all),
// each with its own webhook-id, in the background; GET …/replays/{replayId} shows the progress.
import { single } from "@/lib/api/envelope";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { MAX_REPLAY, replayDeliveries, replayInput, webhookReplayResource } from "@/lib/webhooks/replay-deliveries";

export const POST = v1Route(
  {
    method: "POST",
    path: "/webhook-endpoints/{id}/replay",
    operationId: "replayWebhookDeliveries",
    tag: "Webhooks",
    summary: "Replay a time window of deliveries",
    description:
      "Queues again every delivery to this endpoint created between `since` and `until` (default now): only those that failed " +
      "(`only: failed`, the default) or every finished one (`all`). Each keeps its `webhook-id` and body, so a receiver that " +
      `deduplicates sees no copy twice. At most ${MAX_REPLAY.toLocaleString("en")} per replay (a wider window is refused with its ` +
      "count: split it). Answers 202 at once; the worker sends them oldest first, and GET /webhook-endpoints/{id}/replays/{replayId} " +
      "shows how many were sent. A disabled endpoint must be enabled first (409). `until` must be after `since`, which no schema " +
      "can say: otherwise 409 INVALID_STATE.",
    scope: "webhooks:write",
    body: replayInput,
    status: 202,
    response: single(webhookReplayResource),
    errors: [404, 409, 413, 415],
  },
  async ({ property, key, params, body }) => ({
    data: await replayDeliveries({ propertyId: property.id, actor: apiKeyActor(key) }, params.id, body),
  }),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });

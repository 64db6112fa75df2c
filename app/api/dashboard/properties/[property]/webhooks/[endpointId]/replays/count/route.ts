// GET /api/dashboard/properties/{slug}/webhooks/{endpointId}/replays/count?since=&until=&only=: how many
// deliveries a replay of that window would send, for the Replay dialog before it is confirmed.
import { dashboardRoute } from "@/lib/auth/session-route";
import { queryOf } from "@/lib/http/query-of";
import { countReplay, MAX_REPLAY, replayInput } from "@/lib/webhooks/replay-deliveries";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const GET = dashboardRoute<{ property: string; endpointId: string }>("viewApiAccess", async ({ request, params, access }) =>
  Response.json(
    { count: await countReplay(access.property.id, params.endpointId, replayInput.parse(queryOf(request))), max: MAX_REPLAY },
    { headers: { "Cache-Control": "no-store" } },
  ),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

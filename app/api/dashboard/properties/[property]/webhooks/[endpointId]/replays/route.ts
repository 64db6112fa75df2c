// GET /api/dashboard/properties/{slug}/webhooks/{endpointId}/replays: the endpoint's replays still sending
// or made within the hour, with their progress (polled while one is running).
import { dashboardRoute } from "@/lib/auth/session-route";
import { listReplays } from "@/lib/webhooks/replay-deliveries";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const GET = dashboardRoute<{ property: string; endpointId: string }>("viewApiAccess", async ({ params, access }) =>
  Response.json(
    { replays: await listReplays(access.property.id, params.endpointId, { limit: 3 }) },
    { headers: { "Cache-Control": "no-store" } },
  ),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

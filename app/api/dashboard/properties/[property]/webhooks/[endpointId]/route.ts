// GET /api/dashboard/properties/{slug}/webhooks/{endpointId}: one endpoint with its 24-hour health.
import { dashboardRoute } from "@/lib/auth/session-route";
import { getEndpointView } from "@/lib/webhooks/list-endpoint-views";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const GET = dashboardRoute<{ property: string; endpointId: string }>("viewApiAccess", async ({ params, access }) =>
  Response.json(await getEndpointView(access.property.id, params.endpointId), { headers: { "Cache-Control": "no-store" } }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

// GET /api/dashboard/properties/{slug}/webhooks: the Webhooks tab's endpoints with their 24-hour health.
import { dashboardRoute } from "@/lib/auth/session-route";
import { listEndpointViews } from "@/lib/webhooks/list-endpoint-views";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const GET = dashboardRoute("viewApiAccess", async ({ access }) =>
  Response.json({ endpoints: await listEndpointViews(access.property.id) }, { headers: { "Cache-Control": "no-store" } }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

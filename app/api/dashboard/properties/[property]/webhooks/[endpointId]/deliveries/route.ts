// GET /api/dashboard/properties/{slug}/webhooks/{endpointId}/deliveries?status=&eventType=&cursor=:
// a page of the endpoint's recent deliveries, newest first (Load more, and the 3-second refresh).
import { queryOf } from "@/lib/http/query-of";
import { dashboardRoute } from "@/lib/auth/session-route";
import { listEndpointDeliveries } from "@/lib/webhooks/list-endpoint-deliveries";
import { deliveryFilters } from "@/lib/webhooks/schemas";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const GET = dashboardRoute<{ property: string; endpointId: string }>("viewApiAccess", async ({ request, params, access }) =>
  Response.json(await listEndpointDeliveries(access.property.id, params.endpointId, deliveryFilters.parse(queryOf(request))), {
    headers: { "Cache-Control": "no-store" },
  }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

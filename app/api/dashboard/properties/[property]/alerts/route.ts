// GET /api/dashboard/properties/{slug}/alerts: the bell's alerts and unread count for the signed-in member
// who may see API Access; polled by the bell.
import { listAlerts } from "@/lib/alerts/list-alerts";
import { dashboardRoute } from "@/lib/auth/session-route";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const GET = dashboardRoute("viewApiAccess", async ({ access }) => {
  return Response.json(await listAlerts(access.property.id, access.user.id), { headers: { "Cache-Control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

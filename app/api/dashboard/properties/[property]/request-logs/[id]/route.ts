// GET /api/dashboard/properties/{slug}/request-logs/{id}: one entry with its headers and bodies.
import { dashboardRoute } from "@/lib/auth/session-route";
import { getRequestLog } from "@/lib/request-logs/list-request-logs";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const GET = dashboardRoute<{ property: string; id: string }>("viewApiAccess", async ({ params, access }) =>
  Response.json(await getRequestLog(access.property.id, params.id), { headers: { "Cache-Control": "no-store" } }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

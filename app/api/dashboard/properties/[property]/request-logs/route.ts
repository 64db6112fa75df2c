// GET /api/dashboard/properties/{slug}/request-logs?…filters: a page of the Logs tab (Load more, Live).
import { queryOf } from "@/lib/http/query-of";
import { dashboardRoute } from "@/lib/auth/session-route";
import { listRequestLogs, parseRequestLogQuery } from "@/lib/request-logs/list-request-logs";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const GET = dashboardRoute("viewApiAccess", async ({ request, access }) =>
  Response.json(await listRequestLogs(access.property.id, parseRequestLogQuery(queryOf(request))), {
    headers: { "Cache-Control": "no-store" },
  }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

// GET /api/dashboard/properties/{slug}/request-logs?…filters: a page of the Logs tab (Load more, Live).
import { queryOf } from "@/lib/http/query-of";
import { dashboardRoute } from "@/lib/auth/session-route";
import { listRequestLogs, requestLogFilters } from "@/lib/request-logs/list-request-logs";

export const GET = dashboardRoute("viewApiAccess", async ({ request, access }) =>
  Response.json(await listRequestLogs(access.property.id, requestLogFilters.parse(queryOf(request))), {
    headers: { "Cache-Control": "no-store" },
  }),
);

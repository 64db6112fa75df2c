// GET /api/dashboard/properties/{slug}/request-logs/export?…filters: the filtered logs as a CSV download.
import { queryOf } from "@/lib/http/query-of";
import { dashboardRoute } from "@/lib/auth/session-route";
import { exportRequestLogsCsv } from "@/lib/request-logs/export-request-logs";
import { parseRequestLogQuery } from "@/lib/request-logs/list-request-logs";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const GET = dashboardRoute("viewApiAccess", async ({ request, access }) => {
  const stream = exportRequestLogsCsv(access.property.id, parseRequestLogQuery(queryOf(request)));
  const name = `request-logs-${access.property.slug}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

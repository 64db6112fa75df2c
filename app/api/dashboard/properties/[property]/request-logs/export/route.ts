// GET /api/dashboard/properties/{slug}/request-logs/export?…filters: the filtered logs as a CSV download.
import { apiErrorResponse } from "@/lib/api/error-response";
import { queryOf } from "@/lib/api/pagination";
import { newRequestId } from "@/lib/api/request-id";
import { requireSessionAccess } from "@/lib/auth/session-route";
import { exportRequestLogsCsv } from "@/lib/request-logs/export-request-logs";
import { requestLogFilters } from "@/lib/request-logs/list-request-logs";

export async function GET(request: Request, { params }: { params: Promise<{ property: string }> }) {
  try {
    const access = await requireSessionAccess((await params).property, "viewApiAccess");
    const stream = exportRequestLogsCsv(access.property.id, requestLogFilters.parse(queryOf(request)));
    const name = `request-logs-${access.property.slug}-${new Date().toISOString().slice(0, 10)}.csv`;
    return new Response(stream, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" } });
  } catch (error) {
    return apiErrorResponse(error, newRequestId());
  }
}

// GET /api/dashboard/properties/{slug}/request-logs?…filters: a page of the Logs tab (Load more, Live).
import { apiErrorResponse } from "@/lib/api/error-response";
import { queryOf } from "@/lib/api/pagination";
import { newRequestId } from "@/lib/api/request-id";
import { requireSessionAccess } from "@/lib/auth/session-route";
import { listRequestLogs, requestLogFilters } from "@/lib/request-logs/list-request-logs";

export async function GET(request: Request, { params }: { params: Promise<{ property: string }> }) {
  try {
    const access = await requireSessionAccess((await params).property, "viewApiAccess");
    return Response.json(await listRequestLogs(access.property.id, requestLogFilters.parse(queryOf(request))), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return apiErrorResponse(error, newRequestId());
  }
}

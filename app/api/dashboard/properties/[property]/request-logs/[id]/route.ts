// GET /api/dashboard/properties/{slug}/request-logs/{id}: one entry with its headers and bodies.
import { apiErrorResponse } from "@/lib/api/error-response";
import { newRequestId } from "@/lib/api/request-id";
import { requireSessionAccess } from "@/lib/auth/session-route";
import { getRequestLog } from "@/lib/request-logs/list-request-logs";

export async function GET(_request: Request, { params }: { params: Promise<{ property: string; id: string }> }) {
  try {
    const { property, id } = await params;
    const access = await requireSessionAccess(property, "viewApiAccess");
    return Response.json(await getRequestLog(access.property.id, id), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return apiErrorResponse(error, newRequestId());
  }
}

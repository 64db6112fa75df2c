// GET /api/dashboard/properties/{slug}/api-keys: the Keys tab's data (keys and their activity) for a
// signed-in OWNER, ADMIN or MANAGER; refreshed by the tab so "Last used" and "Requests" move live.
import { apiErrorResponse } from "@/lib/api/error-response";
import { newRequestId } from "@/lib/api/request-id";
import { listApiKeyActivity, listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireSessionAccess } from "@/lib/auth/session-route";

export async function GET(_request: Request, { params }: { params: Promise<{ property: string }> }) {
  const requestId = newRequestId();
  try {
    const { property } = await params;
    const access = await requireSessionAccess(property, "viewApiAccess");
    const [keys, activity] = await Promise.all([listApiKeys(access.property.id), listApiKeyActivity(access.property.id)]);
    return Response.json({ keys, activity }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return apiErrorResponse(error, requestId);
  }
}

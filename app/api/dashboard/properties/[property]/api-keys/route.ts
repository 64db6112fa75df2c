// GET /api/dashboard/properties/{slug}/api-keys: the Keys tab's data (keys, their activity and usage) for a
// signed-in OWNER, ADMIN or MANAGER; refreshed by the tab so "Last used" and "Requests" move live.
import { listApiKeyActivity, listApiKeys } from "@/lib/api-keys/list-api-keys";
import { dashboardRoute } from "@/lib/auth/session-route";
import { keySparklines } from "@/lib/rollups/usage-reports";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const GET = dashboardRoute("viewApiAccess", async ({ access }) => {
  const [keys, activity, usage] = await Promise.all([
    listApiKeys(access.property.id),
    listApiKeyActivity(access.property.id),
    keySparklines(access.property.id),
  ]);
  return Response.json({ keys, activity, usage }, { headers: { "Cache-Control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

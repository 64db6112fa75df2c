// GET /api/dashboard/properties/{slug}/api-keys: the Keys tab's data (keys and their activity) for a
// signed-in OWNER, ADMIN or MANAGER; refreshed by the tab so "Last used" and "Requests" move live.
import { listApiKeyActivity, listApiKeys } from "@/lib/api-keys/list-api-keys";
import { dashboardRoute } from "@/lib/auth/session-route";

export const GET = dashboardRoute("viewApiAccess", async ({ access }) => {
  const [keys, activity] = await Promise.all([listApiKeys(access.property.id), listApiKeyActivity(access.property.id)]);
  return Response.json({ keys, activity }, { headers: { "Cache-Control": "no-store" } });
});

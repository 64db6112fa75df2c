// GET /api/dashboard/properties/{slug}/activity?…filters&cursor: the next page of the Activity page (Load more).
import { parseActivityFilters } from "@/lib/audit/activity-filters";
import { listPropertyActivity } from "@/lib/audit/list-property-activity";
import { dashboardRoute } from "@/lib/auth/session-route";
import { cursorSchema } from "@/lib/db/pagination";
import { AppError } from "@/lib/errors/app-error";
import { queryOf } from "@/lib/http/query-of";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const GET = dashboardRoute("viewActivity", async ({ request, access }) => {
  const query = queryOf(request);
  const parsed = parseActivityFilters(query);
  if (!parsed.ok) throw new AppError("VALIDATION_ERROR", parsed.messages.join(" "));
  const cursor = query.cursor ? cursorSchema.safeParse(query.cursor) : undefined;
  if (cursor && !cursor.success) throw new AppError("VALIDATION_ERROR", "Invalid cursor: pass nextCursor from the previous page unchanged");
  const result = await listPropertyActivity({ propertyId: access.property.id, filters: parsed.filters, cursor: cursor?.data });
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

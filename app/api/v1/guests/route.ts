// GET /api/v1/guests: the property's guests, newest first, cursor-paginated (filters: email, updatedSince).
import { queryOf } from "@/lib/api/pagination";
import { v1Route } from "@/lib/api/v1-route";
import { listGuestsForApi, listGuestsQuery } from "@/lib/guests/api-guests";

export const GET = v1Route({ scope: "guests:read" }, ({ request, property }) => listGuestsForApi(property.id, listGuestsQuery.parse(queryOf(request))));

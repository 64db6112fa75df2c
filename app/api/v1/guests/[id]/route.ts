// GET /api/v1/guests/{id}: one guest of the key's property.
import { v1Route } from "@/lib/api/v1-route";
import { getGuestForApi } from "@/lib/guests/api-guests";

export const GET = v1Route<{ id: string }>({ scope: "guests:read" }, async ({ property, params }) => ({ data: await getGuestForApi(property.id, params.id) }));

// GET /api/v1/properties: the key's property, as a list (a key belongs to exactly one property).
import { v1Route } from "@/lib/api/v1-route";
import { serializeProperty } from "@/lib/properties/serialize-property";

export const GET = v1Route({ scope: "property:read" }, ({ property }) => ({ data: [serializeProperty(property)], nextCursor: null }));

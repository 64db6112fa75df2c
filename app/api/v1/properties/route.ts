// GET /api/v1/properties: the key's property, as a list (a key belongs to exactly one property).
import { listOf } from "@/lib/api/envelope";
import { propertyResource } from "@/lib/properties/property-resource";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { serializeProperty } from "@/lib/properties/serialize-property";

export const GET = v1Route(
  {
    method: "GET",
    path: "/properties",
    operationId: "listProperties",
    tag: "Property",
    summary: "List the key's property",
    scope: "property:read",
    response: listOf(propertyResource),
  },
  ({ property }) => ({ data: [serializeProperty(property)], nextCursor: null }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

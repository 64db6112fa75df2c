// GET /api/v1/organization: the account the key's property belongs to.
import { single } from "@/lib/api/envelope";
import { organizationResource } from "@/lib/properties/property-resource";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { getOrganization } from "@/lib/properties/get-organization";

export const GET = v1Route(
  {
    method: "GET",
    path: "/organization",
    operationId: "getOrganization",
    tag: "Property",
    summary: "Get the organization",
    scope: "property:read",
    response: single(organizationResource),
  },
  async ({ property }) => ({ data: await getOrganization(property) }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

// GET /api/v1/organization: the account the key's property belongs to.
import { organizationResource, single } from "@/lib/api/resources";
import { v1Route } from "@/lib/api/v1-route";
import { getOrganization } from "@/lib/properties/get-organization";

export const GET = v1Route(
  { method: "GET", path: "/organization", operationId: "getOrganization", tag: "Property", summary: "Get the organization", scope: "property:read", response: single(organizationResource) },
  async ({ property }) => ({ data: await getOrganization(property) }),
);

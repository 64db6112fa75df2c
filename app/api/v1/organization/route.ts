// GET /api/v1/organization: the account the key's property belongs to.
import { v1Route } from "@/lib/api/v1-route";
import { getOrganization } from "@/lib/properties/get-organization";

export const GET = v1Route({ scope: "property:read" }, async ({ property }) => ({ data: await getOrganization(property) }));

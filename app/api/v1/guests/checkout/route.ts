// POST /api/v1/guests/checkout: check out the stay named by its code or by the guest's reference.
import { readJsonBody } from "@/lib/api/read-json-body";
import { v1Route } from "@/lib/api/v1-route";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { checkOutGuest, checkOutInput } from "@/lib/guests/check-in-guest";

export const POST = v1Route({ scope: "guests:write" }, async ({ request, property, key }) =>
  checkOutGuest({ propertyId: property.id, actor: apiKeyActor(key), input: checkOutInput.parse(await readJsonBody(request)) }),
);

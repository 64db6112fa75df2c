// POST /api/v1/guests/checkout: check out the stay named by its code or by the guest's reference.
import { single } from "@/lib/api/envelope";
import { stayResource } from "@/lib/guests/guest-resource";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { checkOutGuest, checkOutInput } from "@/lib/guests/check-out-guest";

export const POST = v1Route(
  {
    method: "POST",
    path: "/guests/checkout",
    operationId: "checkOutGuest",
    tag: "Guests",
    summary: "Check a guest out",
    description:
      "`pmsGuestId` is a reservation code, or your own guest reference (their checked-in stay is checked out). Refused with 404 when neither names a stay, and 409 INVALID_STATE when `lastName` is given and is not the stay's guest's, or the stay is not checked in.",
    scope: "guests:write",
    body: checkOutInput,
    response: single(stayResource),
    errors: [404, 409, 413, 415],
  },
  ({ property, key, body }) => checkOutGuest({ propertyId: property.id, actor: apiKeyActor(key), input: body }),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });

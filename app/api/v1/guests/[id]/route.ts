// GET /api/v1/guests/{id}: one guest of the key's property.
import { single } from "@/lib/api/envelope";
import { guestResource } from "@/lib/guests/guest-resource";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { getGuest } from "@/lib/guests/get-guest";

export const GET = v1Route(
  {
    method: "GET",
    path: "/guests/{id}",
    operationId: "getGuest",
    tag: "Guests",
    summary: "Get a guest",
    scope: "guests:read",
    response: single(guestResource),
    errors: [404],
  },
  async ({ property, params }) => ({ data: await getGuest(property.id, params.id) }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

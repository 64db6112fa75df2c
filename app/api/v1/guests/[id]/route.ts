// GET /api/v1/guests/{id}: one guest of the key's property. PATCH: change some of its fields.
import { single } from "@/lib/api/envelope";
import { guestResource } from "@/lib/guests/guest-resource";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { getGuest } from "@/lib/guests/get-guest";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { updateGuest, updateGuestInput } from "@/lib/guests/save-guest";

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

export const PATCH = v1Route(
  {
    method: "PATCH",
    path: "/guests/{id}",
    operationId: "updateGuest",
    tag: "Guests",
    summary: "Update a guest",
    description: "Send only the fields to change; null clears email, phone, country or externalRef.",
    scope: "guests:write",
    body: updateGuestInput,
    response: single(guestResource),
    errors: [404, 409],
  },
  async ({ property, key, params, body }) => ({
    data: await updateGuest({ propertyId: property.id, actor: apiKeyActor(key), guestId: params.id, input: body }),
  }),
);

export const { POST, PUT, DELETE, OPTIONS } = refuseOtherMethods({ GET, PATCH });

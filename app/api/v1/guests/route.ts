// GET /api/v1/guests: the property's guests, newest first, cursor-paginated (filters: email, updatedSince).
// POST /api/v1/guests: a new guest record (email and externalRef unique in the property: 409 otherwise).
import { listOf, single } from "@/lib/api/envelope";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { createGuest, createGuestInput } from "@/lib/guests/save-guest";
import { guestResource } from "@/lib/guests/guest-resource";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { listGuests, listGuestsQuery } from "@/lib/guests/list-guests";

export const GET = v1Route(
  {
    method: "GET",
    path: "/guests",
    operationId: "listGuests",
    tag: "Guests",
    summary: "List guests",
    scope: "guests:read",
    query: listGuestsQuery,
    response: listOf(guestResource),
  },
  ({ property, query }) => listGuests(property.id, query),
);

export const POST = v1Route(
  {
    method: "POST",
    path: "/guests",
    operationId: "createGuest",
    tag: "Guests",
    summary: "Create a guest",
    scope: "guests:write",
    body: createGuestInput,
    status: 201,
    response: single(guestResource),
    errors: [409],
  },
  async ({ property, key, body }) => ({ data: await createGuest({ propertyId: property.id, actor: apiKeyActor(key), input: body }) }),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET, POST });

// GET /api/v1/guests: the property's guests, newest first, cursor-paginated (filters: email, updatedSince).
import { listOf } from "@/lib/api/envelope";
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

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

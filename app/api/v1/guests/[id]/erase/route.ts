// POST /api/v1/guests/{id}/erase: erase a guest's personal data (GDPR art. 17), guest.erased.
import { single } from "@/lib/api/envelope";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { v1Route } from "@/lib/api/v1-route";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { eraseGuest } from "@/lib/guests/erase-guest";
import { guestResource } from "@/lib/guests/guest-resource";

export const POST = v1Route(
  {
    method: "POST",
    path: "/guests/{id}/erase",
    operationId: "eraseGuest",
    tag: "Guests",
    summary: "Erase a guest's personal data",
    description:
      "GDPR art. 17. The guest keeps its id (stays and payments still add up) but its names read [erased] and its email, phone, " +
      "country and externalRef are cleared; the email, phone and names are scrubbed from messages, reservation notes, request " +
      "logs, events, webhook payloads and attempts. `guest.erased` goes to every subscribed endpoint so integrations delete their " +
      "copy. Cannot be undone; a second call is 409.",
    scope: "guests:write",
    response: single(guestResource),
    errors: [404, 409],
  },
  async ({ property, key, params }) => ({
    data: await eraseGuest({ propertyId: property.id, guestId: params.id, actor: apiKeyActor(key) }),
  }),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });

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
      "country and externalRef are cleared at once, and so are the values it had before. Its messages, its stays' notes and " +
      "door names are scrubbed now; the property's request logs, events, webhook payloads and attempts and audit trail are " +
      "scanned in the background, and the records tied to the guest (by its ids, its e-mail, phone or reference, in any encoding) " +
      "are scrubbed: follow it with GET /guests/{id}/erasure. Other records are left alone. `guest.erased` goes to every " +
      "subscribed endpoint once so integrations delete their copy. Cannot be undone; erasing again answers the erased guest and " +
      "changes nothing. An erased guest refuses new personal data (409 GUEST_ERASED).",
    scope: "guests:write",
    response: single(guestResource),
    errors: [404],
  },
  async ({ property, key, params }) => ({
    data: (await eraseGuest({ propertyId: property.id, guestId: params.id, actor: apiKeyActor(key) })).guest,
  }),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });

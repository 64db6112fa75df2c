// GET /api/v1/guests/{id}/erasure: how far the erasure of a guest's personal data has come.
import { single } from "@/lib/api/envelope";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { v1Route } from "@/lib/api/v1-route";
import { getGuestErasure } from "@/lib/guests/get-guest-erasure";
import { guestErasureResource } from "@/lib/guests/guest-erasure-resource";

export const GET = v1Route(
  {
    method: "GET",
    path: "/guests/{id}/erasure",
    operationId: "getGuestErasure",
    tag: "Guests",
    summary: "Follow a guest's erasure",
    description:
      "The guest record is erased at once; the property's request logs, events, webhook deliveries and audit trail are then " +
      "scanned in the background for records tied to the guest, which are scrubbed. `status` is `done` when nothing of the " +
      "guest is left. 404 for a guest that was not erased.",
    scope: "guests:read",
    response: single(guestErasureResource),
    errors: [404],
  },
  async ({ property, params }) => ({ data: await getGuestErasure(property.id, params.id) }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

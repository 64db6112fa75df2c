// DELETE /api/v1/reservations/{id}/accesses/{accessId}: revoke a door access code (access_code.revoked).
import { single } from "@/lib/api/envelope";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { v1Route } from "@/lib/api/v1-route";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { revokeAccessCode } from "@/lib/reservations/access-codes";
import { accessResource } from "@/lib/reservations/reservation-resource";

export const DELETE = v1Route(
  {
    method: "DELETE",
    path: "/reservations/{id}/accesses/{accessId}",
    operationId: "revokeReservationAccess",
    tag: "Reservations",
    summary: "Revoke a door access code",
    description:
      "The code is gone from the stay; `access_code.revoked` tells the lock's system to stop accepting it. Answers the code revoked.",
    scope: "reservation_accesses:write",
    response: single(accessResource),
    errors: [404],
  },
  async ({ property, key, params }) => ({
    data: await revokeAccessCode({ propertyId: property.id, reservationId: params.id, accessId: params.accessId, actor: apiKeyActor(key) }),
  }),
);

export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = refuseOtherMethods({ DELETE });

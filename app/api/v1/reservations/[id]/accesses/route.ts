// GET /api/v1/reservations/{id}/accesses: the stay's door access codes (lock name, PIN, validity).
// POST: issue one (access_code.created).
import { listOf, single } from "@/lib/api/envelope";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { issueAccessCode, issueAccessCodeInput } from "@/lib/reservations/access-codes";
import { accessResource } from "@/lib/reservations/reservation-resource";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { listReservationAccesses } from "@/lib/reservations/list-reservation-accesses";

export const GET = v1Route(
  {
    method: "GET",
    path: "/reservations/{id}/accesses",
    operationId: "listReservationAccesses",
    tag: "Reservations",
    summary: "List a stay's access codes",
    scope: "reservation_accesses:read",
    response: listOf(accessResource),
    errors: [404],
  },
  ({ property, params }) => listReservationAccesses(property.id, params.id),
);

export const POST = v1Route(
  {
    method: "POST",
    path: "/reservations/{id}/accesses",
    operationId: "issueReservationAccess",
    tag: "Reservations",
    summary: "Issue a door access code",
    description:
      "For a confirmed or checked-in stay. The PIN is 6 random digits unless given; validity defaults to the stay, from 15:00 on " +
      "arrival to 11:00 on departure in the property's time zone. `validUntil` must be after `validFrom` (each given or by default), " +
      "which no schema can say: otherwise 409 INVALID_STATE. Emits `access_code.created`.",
    scope: "reservation_accesses:write",
    body: issueAccessCodeInput,
    status: 201,
    response: single(accessResource),
    errors: [404, 409],
  },
  async ({ property, key, params, body }) => ({
    data: await issueAccessCode({ property, reservationId: params.id, actor: apiKeyActor(key), input: body }),
  }),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET, POST });

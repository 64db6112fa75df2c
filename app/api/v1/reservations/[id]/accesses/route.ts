// GET /api/v1/reservations/{id}/accesses: the stay's door access codes (lock name, PIN, validity).
import { listOf } from "@/lib/api/envelope";
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

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

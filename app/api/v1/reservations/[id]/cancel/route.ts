// POST /api/v1/reservations/{id}/cancel: cancel a confirmed reservation (409 INVALID_STATE otherwise).
import { single } from "@/lib/api/envelope";
import { reservationResource } from "@/lib/reservations/reservation-resource";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { getReservation } from "@/lib/reservations/get-reservation";
import { changeReservationStatus } from "@/lib/reservations/change-reservation-status";

export const POST = v1Route(
  {
    method: "POST",
    path: "/reservations/{id}/cancel",
    operationId: "cancelReservation",
    tag: "Reservations",
    summary: "Cancel a reservation",
    scope: "reservations:write",
    response: single(reservationResource),
    errors: [404, 409],
  },
  async ({ property, key, params }) => {
    await changeReservationStatus({ propertyId: property.id, reservationId: params.id, transition: "cancel", actor: apiKeyActor(key) });
    return { data: await getReservation(property.id, params.id) };
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });

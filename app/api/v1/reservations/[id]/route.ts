// GET /api/v1/reservations/{id}: one reservation of the key's property.
// PATCH /api/v1/reservations/{id}: change dates, room, guest counts or notes of a stay that has not ended.
import { single } from "@/lib/api/envelope";
import { reservationResource } from "@/lib/reservations/reservation-resource";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { getReservation } from "@/lib/reservations/get-reservation";
import { updateReservationInput } from "@/lib/reservations/schemas";
import { updateReservation } from "@/lib/reservations/update-reservation";

export const GET = v1Route(
  {
    method: "GET",
    path: "/reservations/{id}",
    operationId: "getReservation",
    tag: "Reservations",
    summary: "Get a reservation",
    scope: "reservations:read",
    response: single(reservationResource),
    errors: [404],
  },
  async ({ property, params }) => ({ data: await getReservation(property.id, params.id) }),
);

export const PATCH = v1Route(
  {
    method: "PATCH",
    path: "/reservations/{id}",
    operationId: "updateReservation",
    tag: "Reservations",
    summary: "Change a reservation",
    description: "Dates, room, guest counts and notes of a confirmed or checked-in stay; a checked-in stay keeps its arrival date.",
    scope: "reservations:write",
    body: updateReservationInput,
    response: single(reservationResource),
    errors: [404, 409, 413, 415],
  },
  async ({ property, key, params, body }) => {
    await updateReservation({ propertyId: property.id, reservationId: params.id, actor: apiKeyActor(key), input: body });
    return { data: await getReservation(property.id, params.id) };
  },
);

export const { POST, PUT, DELETE, OPTIONS } = refuseOtherMethods({ GET, PATCH });

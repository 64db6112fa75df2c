// GET /api/v1/reservations: the property's reservations, newest first, filtered, cursor-paginated.
// POST /api/v1/reservations: book a room for a guest (by id, or a new guest inline).
import { listOf, single } from "@/lib/api/envelope";
import { reservationResource } from "@/lib/reservations/reservation-resource";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { getReservation } from "@/lib/reservations/get-reservation";
import { listReservations } from "@/lib/reservations/list-reservations";
import { createReservation } from "@/lib/reservations/create-reservation";
import { createReservationInput, listReservationsQuery } from "@/lib/reservations/schemas";

export const GET = v1Route(
  {
    method: "GET",
    path: "/reservations",
    operationId: "listReservations",
    tag: "Reservations",
    summary: "List reservations",
    scope: "reservations:read",
    query: listReservationsQuery,
    response: listOf(reservationResource),
  },
  ({ property, query }) => listReservations(property.id, query),
);

export const POST = v1Route(
  {
    method: "POST",
    path: "/reservations",
    operationId: "createReservation",
    tag: "Reservations",
    summary: "Create a reservation",
    description:
      "Books a room for an existing guest (`guestId`) or a new one (`guest`; a guest with the same email is reused). Send exactly one of the two. " +
      "Rules no schema can say are refused with 409 INVALID_STATE: departure must be after arrival, the room must be in service, " +
      "free on those nights and sleep `adults + children`. `guestId` and `roomId` must name the property's own guest and room, " +
      "and `currency`, when sent, must be the property's (otherwise 400).",
    scope: "reservations:write",
    body: createReservationInput,
    response: single(reservationResource),
    status: 201,
    errors: [409, 413, 415],
  },
  async ({ property, key, body }) => {
    const created = await createReservation({ property, actor: apiKeyActor(key), input: body });
    return { data: await getReservation(property.id, created.id) };
  },
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET, POST });

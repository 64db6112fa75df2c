// GET /api/v1/reservations: the property's reservations, newest first, filtered, cursor-paginated.
// POST /api/v1/reservations: book a room for a guest (by id, or a new guest inline).
import { queryOf } from "@/lib/api/pagination";
import { readJsonBody } from "@/lib/api/read-json-body";
import { v1Route } from "@/lib/api/v1-route";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { listReservationsApiQuery, listReservationsForApi, getReservationForApi } from "@/lib/reservations/api-reservations";
import { createReservation } from "@/lib/reservations/create-reservation";
import { createReservationInput } from "@/lib/reservations/schemas";

export const GET = v1Route({ scope: "reservations:read" }, ({ request, property }) =>
  listReservationsForApi(property.id, listReservationsApiQuery.parse(queryOf(request))),
);

export const POST = v1Route({ scope: "reservations:write" }, async ({ request, property, key }) => {
  const input = createReservationInput.parse(await readJsonBody(request));
  const created = await createReservation({ property, actor: apiKeyActor(key), input });
  return Response.json({ data: await getReservationForApi(property.id, created.id) }, { status: 201 });
});

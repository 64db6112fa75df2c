// GET /api/v1/reservations/{id}: one reservation of the key's property.
// PATCH /api/v1/reservations/{id}: change dates, room, guest counts or notes of a stay that has not ended.
import { readJsonBody } from "@/lib/api/read-json-body";
import { v1Route } from "@/lib/api/v1-route";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { getReservationForApi } from "@/lib/reservations/api-reservations";
import { updateReservationInput } from "@/lib/reservations/schemas";
import { updateReservation } from "@/lib/reservations/update-reservation";

export const GET = v1Route<{ id: string }>({ scope: "reservations:read" }, async ({ property, params }) => ({ data: await getReservationForApi(property.id, params.id) }));

export const PATCH = v1Route<{ id: string }>({ scope: "reservations:write" }, async ({ request, property, key, params }) => {
  const input = updateReservationInput.parse(await readJsonBody(request));
  await updateReservation({ propertyId: property.id, reservationId: params.id, actor: apiKeyActor(key), input });
  return { data: await getReservationForApi(property.id, params.id) };
});

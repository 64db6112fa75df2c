// GET /api/v1/reservations/{id}/accesses: the stay's door access codes (lock name, PIN, validity).
import { v1Route } from "@/lib/api/v1-route";
import { listReservationAccesses } from "@/lib/reservations/api-reservations";

export const GET = v1Route<{ id: string }>({ scope: "reservation_accesses:read" }, ({ property, params }) => listReservationAccesses(property.id, params.id));

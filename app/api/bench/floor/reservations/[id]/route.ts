// GET /api/bench/floor/reservations/{id}?property=…: the floor of GET /api/v1/reservations/{id} (PMS_BENCH=1 only).
import { benchOnly, floorReservation } from "@/lib/bench/floor";
import { notFound } from "@/lib/errors/app-error";
import { apiErrorResponse } from "@/lib/http/error-response";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const GET = benchOnly(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const found = await floorReservation(new URL(request.url).searchParams.get("property") ?? "", (await params).id);
  return found ? Response.json(found) : apiErrorResponse(notFound("Reservation"), "");
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

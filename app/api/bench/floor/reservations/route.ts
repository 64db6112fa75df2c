// GET /api/bench/floor/reservations?property=…&limit=25: the floor of GET /api/v1/reservations (PMS_BENCH=1 only).
import { benchOnly, floorReservations } from "@/lib/bench/floor";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const GET = benchOnly(async (request: Request) => {
  const query = new URL(request.url).searchParams;
  return Response.json(await floorReservations(query.get("property") ?? "", Number(query.get("limit") ?? 25)));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

// GET /api/bench/floor/properties?slug=…: the floor of GET /api/v1/properties (servers with PMS_BENCH=1 only).
import { benchOnly, floorProperties } from "@/lib/bench/floor";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const GET = benchOnly(async (request: Request) =>
  Response.json(await floorProperties(new URL(request.url).searchParams.get("slug") ?? "")),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

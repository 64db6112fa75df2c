// GET /api/v1/rooms/{id}: one room of the key's property.
import { single } from "@/lib/api/envelope";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { v1Route } from "@/lib/api/v1-route";
import { getRoom } from "@/lib/rooms/list-rooms";
import { roomResource } from "@/lib/rooms/room-resource";

export const GET = v1Route(
  {
    method: "GET",
    path: "/rooms/{id}",
    operationId: "getRoom",
    tag: "Rooms",
    summary: "Get a room",
    scope: "rooms:read",
    response: single(roomResource),
    errors: [404],
  },
  async ({ property, params }) => ({ data: await getRoom(property.id, params.id) }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

// GET /api/v1/rooms: the property's rooms (number, name, type, capacity, status), newest first, cursor-paginated.
import { listOf } from "@/lib/api/envelope";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { v1Route } from "@/lib/api/v1-route";
import { listRoomsPage, listRoomsQuery } from "@/lib/rooms/list-rooms";
import { roomResource } from "@/lib/rooms/room-resource";

export const GET = v1Route(
  {
    method: "GET",
    path: "/rooms",
    operationId: "listRooms",
    tag: "Rooms",
    summary: "List rooms",
    scope: "rooms:read",
    query: listRoomsQuery,
    response: listOf(roomResource),
  },
  ({ property, query }) => listRoomsPage(property.id, query),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

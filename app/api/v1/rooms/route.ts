// GET /api/v1/rooms: the property's rooms (number, name, type, capacity, status), by room number, cursor-paginated.
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
    description:
      "Rooms in the order a front desk reads them: by any letters before the number, then the number as a number " +
      '("2" before "10", "B-2" before "B-10"), then the whole number text and the id. `nextCursor` follows the same order.',
    scope: "rooms:read",
    query: listRoomsQuery,
    response: listOf(roomResource),
  },
  ({ property, query }) => listRoomsPage(property.id, query),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

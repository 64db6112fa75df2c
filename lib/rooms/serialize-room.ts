import type { Room } from "../db/generated/prisma/client";
import type { RoomResource } from "./room-resource";

export function serializeRoom(r: Room): RoomResource {
  return {
    id: r.id,
    number: r.number,
    name: r.name,
    type: r.type,
    floor: r.floor,
    capacity: r.capacity,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
  };
}

import "server-only";
import { z } from "zod";
import { afterCursor, listQuery, newestFirst, page } from "../db/pagination";
import { db, type Prisma } from "../db/client";
import { notFound } from "../errors/app-error";
import { ROOM_STATUSES, type RoomResource } from "./room-resource";
import { serializeRoom } from "./serialize-room";

export const listRoomsQuery = listQuery.extend({
  type: z.string().trim().min(1).max(100).optional(),
  status: z.enum(ROOM_STATUSES).optional(),
});

/** The property's rooms by number, for pickers. */
export async function listRooms(propertyId: string) {
  return db.room.findMany({
    where: { propertyId },
    orderBy: { number: "asc" },
    select: { id: true, number: true, type: true, capacity: true },
  });
}

/** The property's rooms as the API lists them: newest first, one cursor page at a time (filters: type, status). */
export async function listRoomsPage(propertyId: string, query: z.infer<typeof listRoomsQuery>) {
  const where: Prisma.RoomWhereInput = { propertyId, ...afterCursor(query.cursor) };
  if (query.type) where.type = query.type;
  if (query.status) where.status = query.status;
  const rows = await db.room.findMany({ where, orderBy: newestFirst, take: query.limit + 1 });
  return page(rows, query.limit, serializeRoom);
}

/** One room of the property. */
export async function getRoom(propertyId: string, id: string): Promise<RoomResource> {
  const room = await db.room.findFirst({ where: { id, propertyId } });
  if (!room) throw notFound("Room");
  return serializeRoom(room);
}

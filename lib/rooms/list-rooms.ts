import "server-only";
import { z } from "zod";
import { keyCursorSchema, listQuery, page } from "../db/pagination";
import { db } from "../db/client";
import { Prisma, type Room } from "../db/generated/prisma/client";
import { notFound } from "../errors/app-error";
import { afterRoom, byRoomNumber } from "./room-order";
import { ROOM_STATUSES, type RoomResource } from "./room-resource";
import { serializeRoom } from "./serialize-room";
import { notBlank } from "../openapi/input-hints";

export const listRoomsQuery = listQuery.extend({
  cursor: keyCursorSchema.optional(),
  type: z.string().trim().min(1).max(100).meta(notBlank()).optional(),
  status: z.enum(ROOM_STATUSES).optional(),
});

/** The property's rooms by number ("2" before "10"), for pickers. */
export async function listRooms(propertyId: string) {
  return db.$queryRaw<Pick<Room, "id" | "number" | "type" | "capacity">[]>`
    SELECT id, number, type, capacity FROM "Room" WHERE "propertyId" = ${propertyId} ${byRoomNumber}`;
}

/** The property's rooms as the API lists them: by number ("2" before "10"), one cursor page at a time (filters: type, status). */
export async function listRoomsPage(propertyId: string, query: z.infer<typeof listRoomsQuery>) {
  const conditions = [Prisma.sql`"propertyId" = ${propertyId}`];
  if (query.cursor) conditions.push(afterRoom(query.cursor));
  if (query.type) conditions.push(Prisma.sql`type = ${query.type}`);
  if (query.status) conditions.push(Prisma.sql`status = ${query.status}::"RoomStatus"`);
  const rows = await db.$queryRaw<Room[]>`
    SELECT id, "propertyId", number, name, status::text AS status, type, floor, capacity, "createdAt"
      FROM "Room" WHERE ${Prisma.join(conditions, " AND ")} ${byRoomNumber} LIMIT ${query.limit + 1}`;
  return page(rows, query.limit, serializeRoom, (room) => room.number);
}

/** One room of the property. */
export async function getRoom(propertyId: string, id: string): Promise<RoomResource> {
  const room = await db.room.findFirst({ where: { id, propertyId } });
  if (!room) throw notFound("Room");
  return serializeRoom(room);
}

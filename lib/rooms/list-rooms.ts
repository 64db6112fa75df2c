import "server-only";
import { db } from "../db/client";

/** The property's rooms by number, for pickers. */
export async function listRooms(propertyId: string) {
  return db.room.findMany({
    where: { propertyId },
    orderBy: { number: "asc" },
    select: { id: true, number: true, type: true, capacity: true },
  });
}

// Free nights per room, computed from reservations: a night is taken by a CONFIRMED or CHECKED_IN stay
// that covers it (arrival ≤ night < departure), exactly the stays assertRoomBookable() refuses to
// overlap, so a room shown free for [from, to) can be booked for it. Cancelled and no-show stays free
// their nights; an out-of-service room has none.
import "server-only";
import { z } from "zod";
import { notBlank, STATE_RULE } from "../openapi/input-hints";
import { db } from "../db/client";
import { Prisma, type Room } from "../db/generated/prisma/client";
import { notFound } from "../errors/app-error";
import { addDaysToDate } from "../reservations/property-today";
import { isoDate } from "../reservations/schemas";
import { byRoomNumber } from "./room-order";
import type { RoomAvailabilityResource } from "./room-resource";

export const MAX_AVAILABILITY_NIGHTS = 90;

const nightsBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const availabilityQuery = z
  .object({
    from: isoDate.meta({ description: "The first night, YYYY-MM-DD" }),
    to: isoDate.meta({ description: "The day after the last night (a departure date), YYYY-MM-DD" }),
    roomId: z.string().trim().min(1).max(100).meta(notBlank()).optional(),
  })
  .superRefine((query, ctx) => {
    const nights = nightsBetween(query.from, query.to);
    if (nights < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "to must be after from", ...STATE_RULE });
    else if (nights > MAX_AVAILABILITY_NIGHTS)
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `At most ${MAX_AVAILABILITY_NIGHTS} nights per call (asked for ${nights})`,
        ...STATE_RULE,
      });
  });

export async function roomAvailability(
  propertyId: string,
  query: z.infer<typeof availabilityQuery>,
): Promise<{ data: RoomAvailabilityResource[]; from: string; to: string }> {
  const from = new Date(`${query.from}T00:00:00Z`);
  const to = new Date(`${query.to}T00:00:00Z`);
  // In the order GET /rooms lists them: by number as a person reads it, 9 before 10.
  const rooms = await db.$queryRaw<Pick<Room, "id" | "number" | "type" | "capacity" | "status">[]>`
    SELECT id, number, type, capacity, status::text AS status FROM "Room"
     WHERE "propertyId" = ${propertyId} ${query.roomId ? Prisma.sql`AND id = ${query.roomId}` : Prisma.empty}
     ${byRoomNumber}`;
  if (query.roomId && rooms.length === 0) throw notFound("Room");
  const stays = await db.reservation.findMany({
    where: {
      propertyId,
      ...(query.roomId ? { roomId: query.roomId } : { roomId: { not: null } }),
      status: { in: ["CONFIRMED", "CHECKED_IN"] },
      arrivalDate: { lt: to },
      departureDate: { gt: from },
    },
    select: { roomId: true, arrivalDate: true, departureDate: true },
  });
  const taken = new Map<string, Set<string>>();
  for (const stay of stays) {
    const nights = taken.get(stay.roomId!) ?? new Set<string>();
    taken.set(stay.roomId!, nights);
    const first = stay.arrivalDate > from ? stay.arrivalDate : from;
    const end = stay.departureDate < to ? stay.departureDate : to;
    for (let night = first.toISOString().slice(0, 10); night < end.toISOString().slice(0, 10); night = addDaysToDate(night, 1))
      nights.add(night);
  }
  const allNights = Array.from({ length: nightsBetween(query.from, query.to) }, (_, i) => addDaysToDate(query.from, i));
  const data = rooms.map((room) => {
    const busy = taken.get(room.id);
    const freeNights = room.status === "IN_SERVICE" ? allNights.filter((night) => !busy?.has(night)) : [];
    return {
      roomId: room.id,
      number: room.number,
      type: room.type,
      capacity: room.capacity,
      status: room.status,
      freeNights,
      availableForWholeRange: freeNights.length === allNights.length,
    };
  });
  return { data, from: query.from, to: query.to };
}

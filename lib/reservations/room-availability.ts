import type { DbTx } from "../db/client";
import { AppError } from "../errors/app-error";

/**
 * Locks the room row for the rest of the transaction (so two bookings of the same nights serialize),
 * then checks capacity and that no other live stay overlaps [arrival, departure).
 */
export async function assertRoomBookable(
  tx: DbTx,
  options: { propertyId: string; roomId: string; arrival: Date; departure: Date; guests: number; ignoreReservationId?: string },
): Promise<{ id: string; capacity: number; status: string }> {
  const { propertyId, roomId, arrival, departure } = options;
  if (departure <= arrival) {
    throw new AppError("INVALID_STATE", "Departure must be after arrival.", { departureDate: ["Departure must be after arrival"] });
  }
  const rooms = await tx.$queryRaw<{ id: string; capacity: number; status: string }[]>`
    SELECT id, capacity, status::text AS status FROM "Room" WHERE id = ${roomId} AND "propertyId" = ${propertyId} FOR UPDATE`;
  const room = rooms[0];
  if (!room) throw new AppError("VALIDATION_ERROR", "Room not found.", { roomId: ["Room not found"] });
  if (room.status === "OUT_OF_SERVICE") {
    throw new AppError("INVALID_STATE", "The room is out of service.", { roomId: ["Out of service: it cannot be booked"] });
  }
  if (options.guests > room.capacity) {
    throw new AppError("INVALID_STATE", "Too many guests for this room.", { adults: [`This room sleeps at most ${room.capacity}`] });
  }
  const clash = await tx.reservation.findFirst({
    where: {
      propertyId,
      roomId: room.id,
      status: { in: ["CONFIRMED", "CHECKED_IN"] },
      arrivalDate: { lt: departure },
      departureDate: { gt: arrival },
      ...(options.ignoreReservationId ? { id: { not: options.ignoreReservationId } } : {}),
    },
    select: { code: true },
  });
  if (clash) {
    throw new AppError("INVALID_STATE", `The room is already booked for these dates (${clash.code}).`, {
      roomId: [`Already booked for these dates by ${clash.code}`],
    });
  }
  return room;
}

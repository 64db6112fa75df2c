// A room, and its free nights, as the API shows them.
import { z } from "zod";
import { dateTime, day, id } from "../http/fields";

export const ROOM_STATUSES = ["IN_SERVICE", "OUT_OF_SERVICE"] as const;

export const roomResource = z
  .strictObject({
    id,
    number: z.string().meta({ description: "The number on the door, unique in the property" }),
    name: z.string().nullable().meta({ description: "A display name, e.g. Sea-view double; null when the room has none" }),
    type: z.string(),
    floor: z.number().int(),
    capacity: z.number().int().meta({ description: "Guests it sleeps at most" }),
    status: z.enum(ROOM_STATUSES).meta({ description: "OUT_OF_SERVICE rooms cannot be booked and show no free nights" }),
    createdAt: dateTime,
  })
  .meta({ id: "Room" });
export type RoomResource = z.input<typeof roomResource>;

export const roomAvailabilityResource = z
  .strictObject({
    roomId: id,
    number: z.string(),
    type: z.string(),
    capacity: z.number().int(),
    status: z.enum(ROOM_STATUSES),
    freeNights: z.array(day).meta({ description: "Each night (by its date) in [from, to) that no live reservation holds" }),
    availableForWholeRange: z
      .boolean()
      .meta({ description: "Every night in [from, to) is free: a stay from `from` to `to` can be booked" }),
  })
  .meta({ id: "RoomAvailability" });
export type RoomAvailabilityResource = z.input<typeof roomAvailabilityResource>;

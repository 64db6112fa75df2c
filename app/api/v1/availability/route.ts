// GET /api/v1/availability?from=&to=[&roomId=]: per room, the free nights in [from, to), at most 90.
import { z } from "zod";
import { livemode } from "@/lib/api/envelope";
import { day } from "@/lib/http/fields";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { v1Route } from "@/lib/api/v1-route";
import { availabilityQuery, roomAvailability } from "@/lib/rooms/room-availability";
import { roomAvailabilityResource } from "@/lib/rooms/room-resource";

export const GET = v1Route(
  {
    method: "GET",
    path: "/availability",
    operationId: "getAvailability",
    tag: "Rooms",
    summary: "Free nights per room",
    description:
      "Each room's free nights from `from` to the night before `to` (at most 90 nights), computed from reservations: " +
      "a CONFIRMED or CHECKED_IN stay takes its nights, cancelled and no-show stays free them. A room whose " +
      "`availableForWholeRange` is true can be booked with `arrivalDate=from` and `departureDate=to`. " +
      "`to` must be after `from` and at most 90 nights later, which no schema can say: otherwise 409 INVALID_STATE. " +
      "A `roomId` that names no room of the property answers 404.",
    scope: "rooms:read",
    query: availabilityQuery,
    response: z.strictObject({ data: z.array(roomAvailabilityResource), from: day, to: day, livemode }),
    errors: [404, 409],
  },
  ({ property, query }) => roomAvailability(property.id, query),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

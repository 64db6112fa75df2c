// POST /api/v1/guests/checkin: check a guest in (RecepAI's shape); creates the guest and stay when new.
import { single } from "@/lib/api/envelope";
import { stayResource } from "@/lib/guests/guest-resource";
import { reply, v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { checkInGuest, checkInInput } from "@/lib/guests/check-in-guest";

export const POST = v1Route(
  {
    method: "POST",
    path: "/guests/checkin",
    operationId: "checkInGuest",
    tag: "Guests",
    summary: "Check a guest in",
    description:
      "`pmsGuestId` is a reservation code (that stay is checked in, moved to `roomNumber` and `checkOutDate` when they differ) or your own guest reference (the guest and a stay from today are created, checked in: 201).\n\n" +
      "Refused with 409 INVALID_STATE when `lastName` is not the stay's guest's, or the stay cannot be checked in (cancelled, checked out, the room taken); 409 GUEST_ERASED when the stay's guest was erased; 400 when `roomNumber` names no room of the property.",
    scope: "guests:write",
    body: checkInInput,
    response: single(stayResource),
    otherStatuses: [{ status: 201, description: "A new guest and stay were created" }],
    errors: [409, 413, 415],
  },
  async ({ property, key, body }) => {
    const result = await checkInGuest({ property, actor: apiKeyActor(key), input: body });
    return reply(result.created ? 201 : 200, { data: result.data });
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });

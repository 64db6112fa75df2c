// POST /api/v1/guests/checkin: check a guest in (RecepAI's shape); creates the guest and stay when new.
import { readJsonBody } from "@/lib/api/read-json-body";
import { v1Route } from "@/lib/api/v1-route";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { checkInGuest, checkInInput } from "@/lib/guests/check-in-guest";

export const POST = v1Route({ scope: "guests:write" }, async ({ request, property, key }) => {
  const result = await checkInGuest({ property, actor: apiKeyActor(key), input: checkInInput.parse(await readJsonBody(request)) });
  return Response.json({ data: result.data }, { status: result.created ? 201 : 200 });
});

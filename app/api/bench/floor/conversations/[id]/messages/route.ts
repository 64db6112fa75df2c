// POST /api/bench/floor/conversations/{id}/messages?property=…: the floor of sending a message (PMS_BENCH=1 only).
import { benchOnly, floorSendMessage } from "@/lib/bench/floor";
import { notFound } from "@/lib/errors/app-error";
import { apiErrorResponse } from "@/lib/http/error-response";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const POST = benchOnly(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { body } = (await request.json()) as { body: string };
  const sent = await floorSendMessage(new URL(request.url).searchParams.get("property") ?? "", (await params).id, body);
  return sent ? Response.json(sent, { status: 201 }) : apiErrorResponse(notFound("Conversation"), "");
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });

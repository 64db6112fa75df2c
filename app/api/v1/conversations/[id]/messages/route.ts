// GET /api/v1/conversations/{id}/messages: the conversation's messages, newest first.
// POST /api/v1/conversations/{id}/messages: send a message to the guest.
import { listQuery, queryOf } from "@/lib/api/pagination";
import { readJsonBody } from "@/lib/api/read-json-body";
import { v1Route } from "@/lib/api/v1-route";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { listMessagesForApi, sendMessage, sendMessageInput } from "@/lib/conversations/api-conversations";

export const GET = v1Route<{ id: string }>({ scope: "conversations:read" }, ({ request, property, params }) => listMessagesForApi(property.id, params.id, listQuery.parse(queryOf(request))));

export const POST = v1Route<{ id: string }>({ scope: "messages:send" }, async ({ request, property, key, params }) => {
  const { body } = sendMessageInput.parse(await readJsonBody(request));
  return Response.json({ data: await sendMessage({ propertyId: property.id, conversationId: params.id, actor: apiKeyActor(key), body }) }, { status: 201 });
});

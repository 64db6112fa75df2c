// GET /api/v1/conversations/{id}/messages: the conversation's messages, newest first.
// POST /api/v1/conversations/{id}/messages: send a message to the guest, or deliver the guest's own
// message ("direction": "inbound", from a messaging platform).
import { listQuery } from "@/lib/db/pagination";
import { listOf, single } from "@/lib/api/envelope";
import { messageResource } from "@/lib/conversations/conversation-resource";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { listMessages } from "@/lib/conversations/list-messages";
import { sendMessageInput } from "@/lib/conversations/schemas";
import { sendMessage } from "@/lib/conversations/send-message";

export const GET = v1Route(
  {
    method: "GET",
    path: "/conversations/{id}/messages",
    operationId: "listMessages",
    tag: "Conversations",
    summary: "List a conversation's messages",
    scope: "conversations:read",
    query: listQuery,
    response: listOf(messageResource),
    errors: [404],
  },
  ({ property, params, query }) => listMessages(property.id, params.id, query),
);

export const POST = v1Route(
  {
    method: "POST",
    path: "/conversations/{id}/messages",
    operationId: "sendMessage",
    tag: "Conversations",
    summary: "Send a message to the guest, or deliver one from the guest",
    description:
      "Outbound (the default) sends a message to the guest and emits `message.sent`. A messaging platform delivers " +
      'what the guest wrote with `"direction": "inbound"`: stored as the guest\'s message, the conversation reopened, `message.received` emitted.',
    scope: "messages:send",
    body: sendMessageInput,
    response: single(messageResource),
    status: 201,
    errors: [404, 413, 415],
  },
  async ({ property, key, params, body }) => ({
    data: await sendMessage({ propertyId: property.id, conversationId: params.id, actor: apiKeyActor(key), ...body }),
  }),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET, POST });

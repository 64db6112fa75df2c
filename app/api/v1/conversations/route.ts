// GET /api/v1/conversations: guest conversations, newest first (filters: status, channel).
// POST: a messaging platform opens one with a guest, then posts its messages.
import { listOf, single } from "@/lib/api/envelope";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { openConversation, openConversationInput } from "@/lib/conversations/open-conversation";
import { conversationResource } from "@/lib/conversations/conversation-resource";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { listConversations } from "@/lib/conversations/list-conversations";
import { listConversationsQuery } from "@/lib/conversations/schemas";

export const GET = v1Route(
  {
    method: "GET",
    path: "/conversations",
    operationId: "listConversations",
    tag: "Conversations",
    summary: "List conversations",
    scope: "conversations:read",
    query: listConversationsQuery,
    response: listOf(conversationResource),
  },
  ({ property, query }) => listConversations(property.id, query),
);

export const POST = v1Route(
  {
    method: "POST",
    path: "/conversations",
    operationId: "openConversation",
    tag: "Conversations",
    summary: "Open a conversation with a guest",
    scope: "conversations:write",
    body: openConversationInput,
    status: 201,
    response: single(conversationResource),
  },
  async ({ property, key, body }) => ({ data: await openConversation({ propertyId: property.id, actor: apiKeyActor(key), input: body }) }),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET, POST });

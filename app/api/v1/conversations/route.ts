// GET /api/v1/conversations: guest conversations, newest first (filters: status, channel).
import { listOf } from "@/lib/api/envelope";
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

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

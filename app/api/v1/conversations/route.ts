// GET /api/v1/conversations: guest conversations, newest first (filters: status, channel).
import { queryOf } from "@/lib/api/pagination";
import { v1Route } from "@/lib/api/v1-route";
import { listConversationsForApi, listConversationsQuery } from "@/lib/conversations/api-conversations";

export const GET = v1Route({ scope: "conversations:read" }, ({ request, property }) => listConversationsForApi(property.id, listConversationsQuery.parse(queryOf(request))));

import "server-only";
import type { z } from "zod";
import { db, type Prisma } from "../db/client";
import { afterCursor, newestFirst, page } from "../db/pagination";
import type { listConversationsQuery } from "./schemas";
import { serializeConversation } from "./serialize-conversation";

/** The property's guest conversations, newest first, filtered by status and channel. */
export async function listConversations(propertyId: string, query: z.infer<typeof listConversationsQuery>) {
  const where: Prisma.ConversationWhereInput = { propertyId, ...afterCursor(query.cursor) };
  if (query.status) where.status = query.status;
  if (query.channel) where.channel = query.channel;
  const rows = await db.conversation.findMany({ where, orderBy: newestFirst, take: query.limit + 1 });
  return page(rows, query.limit, serializeConversation);
}

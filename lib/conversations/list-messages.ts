import "server-only";
import type { z } from "zod";
import { db } from "../db/client";
import { afterCursor, page, type listQuery } from "../db/pagination";
import { getConversation } from "./get-conversation";
import { serializeMessage } from "./serialize-conversation";

/** A conversation's messages, newest first by the time they were sent. */
export async function listMessages(propertyId: string, conversationId: string, query: z.infer<typeof listQuery>) {
  await getConversation(propertyId, conversationId);
  const rows = await db.message.findMany({
    where: { propertyId, conversationId, ...afterCursor(query.cursor, "sentAt") },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  return page(rows, query.limit, serializeMessage, (m) => m.sentAt);
}

import "server-only";
import { db } from "../db/client";
import type { Conversation } from "../db/generated/prisma/client";
import { notFound } from "../errors/app-error";

/** One conversation of the property; another property's is the same 404 as a missing one. */
export async function getConversation(propertyId: string, id: string): Promise<Conversation> {
  const conversation = await db.conversation.findFirst({ where: { id, propertyId } });
  if (!conversation) throw notFound("Conversation");
  return conversation;
}

// A conversation and a message as the API (and its events) show them.
import type { Conversation, Message } from "../db/generated/prisma/client";
import type { ConversationResource, MessageResource } from "./conversation-resource";

export function serializeConversation(c: Conversation): ConversationResource {
  return {
    id: c.id,
    guestId: c.guestId,
    reservationId: c.reservationId,
    channel: c.channel,
    status: c.status,
    subject: c.subject,
    lastMessageAt: c.lastMessageAt.toISOString(),
    createdAt: c.createdAt.toISOString(),
  };
}

export function serializeMessage(m: Message): MessageResource {
  return {
    id: m.id,
    conversationId: m.conversationId,
    direction: m.direction,
    body: m.body,
    senderName: m.senderName,
    sentAt: m.sentAt.toISOString(),
  };
}

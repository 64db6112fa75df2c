import "server-only";
import { z } from "zod";
import { afterCursor, listQuery, newestFirst, page } from "../db/pagination";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db, type Prisma } from "../db/client";
import type { Conversation, Message } from "../db/generated/prisma/client";
import { notFound } from "../errors/app-error";
import { recordDomainEvent } from "../events/record-domain-event";
import type { ConversationResource, MessageResource } from "./conversation-resource";
import { ConversationChannel, ConversationStatus } from "../db/generated/prisma/enums";

export const listConversationsQuery = listQuery.extend({
  status: z.enum(ConversationStatus).optional(),
  channel: z.enum(ConversationChannel).optional(),
});

export const sendMessageInput = z.strictObject({
  body: z.string().trim().min(1, "The message is empty").max(4000, "At most 4,000 characters"),
});

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
  return { id: m.id, conversationId: m.conversationId, direction: m.direction, body: m.body, senderName: m.senderName, sentAt: m.sentAt.toISOString() };
}

export async function listConversationsForApi(propertyId: string, query: z.infer<typeof listConversationsQuery>) {
  const where: Prisma.ConversationWhereInput = { propertyId, ...afterCursor(query.cursor) };
  if (query.status) where.status = query.status;
  if (query.channel) where.channel = query.channel;
  const rows = await db.conversation.findMany({ where, orderBy: newestFirst, take: query.limit + 1 });
  return page(rows, query.limit, serializeConversation);
}

async function conversationOf(propertyId: string, id: string) {
  const conversation = await db.conversation.findFirst({ where: { id, propertyId } });
  if (!conversation) throw notFound("Conversation");
  return conversation;
}

/** A conversation's messages, newest first by the time they were sent. */
export async function listMessagesForApi(propertyId: string, conversationId: string, query: z.infer<typeof listQuery>) {
  await conversationOf(propertyId, conversationId);
  const rows = await db.message.findMany({
    where: { propertyId, conversationId, ...afterCursor(query.cursor, "sentAt") },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  return page(rows, query.limit, serializeMessage, (m) => m.sentAt);
}

/** Sends a message to the guest: stored as outbound, the conversation (re)opened, `message.sent` emitted. */
export async function sendMessage(options: { propertyId: string; conversationId: string; actor: Actor; body: string }) {
  const { propertyId, conversationId, actor } = options;
  const conversation = await conversationOf(propertyId, conversationId);
  return db.$transaction(async (tx) => {
    const message = await tx.message.create({ data: { propertyId, conversationId: conversation.id, direction: "OUTBOUND", body: options.body, senderName: actor.label } });
    await tx.conversation.update({ where: { id: conversation.id }, data: { lastMessageAt: message.sentAt, status: "OPEN" } });
    await recordAuditEvent(tx, { propertyId, actor, action: "message.sent", targetType: "conversation", targetId: conversation.id, metadata: { messageId: message.id } });
    await recordDomainEvent(tx, { propertyId, type: "message.sent", data: { message: serializeMessage(message), conversation: serializeConversation({ ...conversation, lastMessageAt: message.sentAt, status: "OPEN" }) } });
    return serializeMessage(message);
  });
}

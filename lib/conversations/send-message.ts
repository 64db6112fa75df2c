import "server-only";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { recordDomainEvent } from "../events/record-domain-event";
import type { MessageResource } from "./conversation-resource";
import { getConversation } from "./get-conversation";
import { serializeConversation, serializeMessage } from "./serialize-conversation";

/** Sends a message to the guest: stored as outbound, the conversation (re)opened, `message.sent` emitted. */
export async function sendMessage(options: {
  propertyId: string;
  conversationId: string;
  actor: Actor;
  body: string;
}): Promise<MessageResource> {
  const { propertyId, conversationId, actor } = options;
  const conversation = await getConversation(propertyId, conversationId);
  return db.$transaction(async (tx) => {
    const message = await tx.message.create({
      data: { propertyId, conversationId: conversation.id, direction: "OUTBOUND", body: options.body, senderName: actor.label },
    });
    await tx.conversation.update({ where: { id: conversation.id }, data: { lastMessageAt: message.sentAt, status: "OPEN" } });
    await recordAuditEvent(tx, {
      propertyId,
      actor,
      action: "message.sent",
      targetType: "conversation",
      targetId: conversation.id,
      metadata: { messageId: message.id },
    });
    await recordDomainEvent(tx, {
      propertyId,
      type: "message.sent",
      data: {
        message: serializeMessage(message),
        conversation: serializeConversation({ ...conversation, lastMessageAt: message.sentAt, status: "OPEN" }),
      },
    });
    return serializeMessage(message);
  });
}

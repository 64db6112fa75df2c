import "server-only";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { recordDomainEvent } from "../events/record-domain-event";
import type { MessageResource } from "./conversation-resource";
import { getConversation } from "./get-conversation";
import { serializeConversation, serializeMessage } from "./serialize-conversation";

/**
 * Sends a message to the guest (outbound, `message.sent`), or records one the guest wrote, delivered by a
 * messaging platform (inbound, `message.received`, signed with the guest's name unless the platform
 * names the sender). Either way the conversation is (re)opened.
 */
export async function sendMessage(options: {
  propertyId: string;
  conversationId: string;
  actor: Actor;
  body: string;
  direction?: "inbound" | "outbound" | "INBOUND" | "OUTBOUND";
  senderName?: string;
}): Promise<MessageResource> {
  const { propertyId, conversationId, actor } = options;
  const inbound = options.direction?.toLowerCase() === "inbound";
  const conversation = await getConversation(propertyId, conversationId);
  return db.$transaction(async (tx) => {
    const guest = inbound
      ? await tx.guest.findUniqueOrThrow({ where: { id: conversation.guestId }, select: { firstName: true, lastName: true } })
      : null;
    const senderName = guest ? (options.senderName ?? (`${guest.firstName} ${guest.lastName}`.trim() || null)) : actor.label;
    const message = await tx.message.create({
      data: { propertyId, conversationId: conversation.id, direction: inbound ? "INBOUND" : "OUTBOUND", body: options.body, senderName },
    });
    await tx.conversation.update({ where: { id: conversation.id }, data: { lastMessageAt: message.sentAt, status: "OPEN" } });
    await recordAuditEvent(tx, {
      propertyId,
      actor,
      action: inbound ? "message.received" : "message.sent",
      targetType: "conversation",
      targetId: conversation.id,
      metadata: { messageId: message.id },
    });
    await recordDomainEvent(tx, {
      propertyId,
      type: inbound ? "message.received" : "message.sent",
      data: {
        message: serializeMessage(message),
        conversation: serializeConversation({ ...conversation, lastMessageAt: message.sentAt, status: "OPEN" }),
      },
    });
    return serializeMessage(message);
  });
}

// A guest conversation and its messages as the API (and its events) show them.
import { z } from "zod";
import { ConversationChannel, ConversationStatus, MessageDirection } from "../db/generated/prisma/enums";
import { dateTime, id } from "../http/fields";

export const conversationResource = z
  .strictObject({
    id,
    guestId: id,
    reservationId: id.nullable(),
    channel: z.enum(ConversationChannel),
    status: z.enum(ConversationStatus),
    subject: z.string().nullable(),
    lastMessageAt: dateTime,
    createdAt: dateTime,
  })
  .meta({ id: "Conversation" });
export type ConversationResource = z.input<typeof conversationResource>;

export const messageResource = z
  .strictObject({
    id,
    conversationId: id,
    direction: z.enum(MessageDirection),
    body: z.string(),
    senderName: z.string().nullable(),
    sentAt: dateTime,
  })
  .meta({ id: "Message" });
export type MessageResource = z.input<typeof messageResource>;

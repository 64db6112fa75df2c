// Inputs of the conversation use cases.
import { z } from "zod";
import { ConversationChannel, ConversationStatus } from "../db/generated/prisma/enums";
import { listQuery } from "../db/pagination";
import { notBlank } from "../openapi/input-hints";

export const listConversationsQuery = listQuery.extend({
  status: z.enum(ConversationStatus).optional(),
  channel: z.enum(ConversationChannel).optional(),
});

export const sendMessageInput = z
  .strictObject({
    body: z.string().trim().min(1).max(4000).meta(notBlank()),
    direction: z.enum(["outbound", "inbound", "OUTBOUND", "INBOUND"]).default("outbound").meta({
      description:
        "outbound (the default): a message to the guest, `message.sent`. inbound: the guest's own message, delivered by a messaging platform, `message.received`.",
    }),
    senderName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .meta(notBlank())
      .optional()
      .meta({ description: "Inbound only: who wrote it as the platform shows them; the conversation's guest by default" }),
  })
  .refine((input) => input.direction.toLowerCase() === "inbound" || input.senderName === undefined, {
    path: ["senderName"],
    message: "senderName is for inbound messages; an outbound one is signed by the API key",
  })
  // senderName only with an inbound direction, said in JSON Schema.
  .meta({ dependentSchemas: { senderName: { required: ["direction"], properties: { direction: { enum: ["inbound", "INBOUND"] } } } } });

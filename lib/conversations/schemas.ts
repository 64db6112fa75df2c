// Inputs of the conversation use cases.
import { z } from "zod";
import { ConversationChannel, ConversationStatus } from "../db/generated/prisma/enums";
import { listQuery } from "../db/pagination";

export const listConversationsQuery = listQuery.extend({
  status: z.enum(ConversationStatus).optional(),
  channel: z.enum(ConversationChannel).optional(),
});

export const sendMessageInput = z.strictObject({
  body: z.string().trim().min(1, "The message is empty").max(4000, "At most 4,000 characters"),
});

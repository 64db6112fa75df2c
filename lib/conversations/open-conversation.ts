import "server-only";
import { z } from "zod";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { ConversationChannel } from "../db/generated/prisma/enums";
import { AppError } from "../errors/app-error";
import type { ConversationResource } from "./conversation-resource";
import { serializeConversation } from "./serialize-conversation";
import { notBlank } from "../openapi/input-hints";

export const openConversationInput = z.strictObject({
  guestId: z.string().trim().min(1, "guestId is required").max(100),
  channel: z.enum(ConversationChannel),
  reservationId: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .meta(notBlank())
    .optional()
    .meta({ description: "The stay it is about, if any: one of the guest's" }),
  subject: z.string().trim().min(1).max(200).meta(notBlank()).optional(),
});

/** A messaging platform opens a conversation with a guest of the property (then posts its messages). */
export async function openConversation(options: {
  propertyId: string;
  actor: Actor;
  input: z.infer<typeof openConversationInput>;
}): Promise<ConversationResource> {
  const { propertyId, actor, input } = options;
  return db.$transaction(async (tx) => {
    const guest = await tx.guest.findFirst({ where: { id: input.guestId, propertyId }, select: { id: true } });
    if (!guest) throw new AppError("VALIDATION_ERROR", "No such guest at this property.", { guestId: ["Unknown guest"] });
    if (input.reservationId) {
      const stay = await tx.reservation.findFirst({
        where: { id: input.reservationId, propertyId, guestId: guest.id },
        select: { id: true },
      });
      if (!stay) throw new AppError("VALIDATION_ERROR", "No such stay of this guest.", { reservationId: ["Not a stay of this guest"] });
    }
    const conversation = await tx.conversation.create({
      data: {
        propertyId,
        guestId: guest.id,
        channel: input.channel,
        reservationId: input.reservationId ?? null,
        subject: input.subject ?? null,
      },
    });
    await recordAuditEvent(tx, { propertyId, actor, action: "conversation.opened", targetType: "conversation", targetId: conversation.id });
    return serializeConversation(conversation);
  });
}

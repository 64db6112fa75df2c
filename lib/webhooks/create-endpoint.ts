// Adds a webhook endpoint to a property (at most 20); its signing secret is returned this once.
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { WebhookEndpoint } from "../db/generated/prisma/client";
import { AppError } from "../errors/app-error";
import { newSigningSecret } from "./engine/signing";
import type { createEndpointInput } from "./schemas";
import { assertDeliverableUrl, type Resolver } from "./engine/url-guard";

export const MAX_ENDPOINTS_PER_PROPERTY = 20;

export const newEndpointId = () => `we_${randomBytes(12).toString("hex")}`;

/** Who changes a property's endpoints; `resolve` lets tests stand in for DNS. */
export interface EndpointChange {
  propertyId: string;
  actor: Actor;
  resolve?: Resolver;
}

export async function createEndpoint(context: EndpointChange, input: z.output<typeof createEndpointInput>): Promise<WebhookEndpoint> {
  const url = await assertDeliverableUrl(input.url, { resolve: context.resolve });
  return db.$transaction(async (tx) => {
    const count = await tx.webhookEndpoint.count({ where: { propertyId: context.propertyId } });
    if (count >= MAX_ENDPOINTS_PER_PROPERTY) {
      throw new AppError("INVALID_STATE", `A property can have at most ${MAX_ENDPOINTS_PER_PROPERTY} webhook endpoints.`);
    }
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        id: newEndpointId(),
        propertyId: context.propertyId,
        url,
        description: input.description,
        eventTypes: input.eventTypes,
        enabled: input.enabled,
        disabledReason: input.enabled ? null : "Disabled when created.",
        disabledAt: input.enabled ? null : new Date(),
        secret: newSigningSecret(),
        createdById: context.actor.type === "USER" ? context.actor.id : null,
      },
    });
    await recordAuditEvent(tx, {
      propertyId: context.propertyId,
      actor: context.actor,
      action: "webhook_endpoint.created",
      targetType: "webhook_endpoint",
      targetId: endpoint.id,
      metadata: { url, eventTypes: input.eventTypes },
    });
    return endpoint;
  });
}

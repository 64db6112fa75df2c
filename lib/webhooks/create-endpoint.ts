// Adds a webhook endpoint to a property (at most 20, PRO plan only); its signing secret is returned
// this once, and stored encrypted.
import { currentRequestContext } from "../api/request-context";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { seal } from "../crypto/seal";
import { db } from "../db/client";
import type { Plan } from "../db/generated/prisma/enums";
import type { WebhookEndpoint } from "../db/generated/prisma/client";
import { AppError, notFound } from "../errors/app-error";
import { assertPlanIncludesApi } from "../properties/plan";
import { newSigningSecret } from "./engine/signing";
import { notifyWebhookWorkers } from "./engine/outbox-notifications";
import { assertMaySubscribe } from "./event-types";
import { queueSnapshot } from "./snapshot";
import type { createEndpointInput } from "./schemas";
import { assertDeliverableUrl, type Resolver } from "./engine/url-guard";

export const MAX_ENDPOINTS_PER_PROPERTY = 20;

export const newEndpointId = () => `we_${randomBytes(12).toString("hex")}`;

export const WEBHOOKS_PLAN_MESSAGE = "Webhooks need the PRO plan. Upgrade the property to add webhook endpoints.";

/** Who changes a property's endpoints; `resolve` lets tests stand in for DNS. */
export interface EndpointChange {
  propertyId: string;
  actor: Actor;
  resolve?: Resolver;
}

/** The new endpoint, with its signing secret in clear (the row holds it sealed). */
export async function createEndpoint(context: EndpointChange, input: z.output<typeof createEndpointInput>): Promise<WebhookEndpoint> {
  // Through the API the endpoint gets no more than its key may read; the dashboard's OWNER/ADMIN may read everything.
  const caller = currentRequestContext();
  if (caller) assertMaySubscribe(caller.scopes, input.eventTypes);
  const url = await assertDeliverableUrl(input.url, { resolve: context.resolve });
  const secret = newSigningSecret();
  const endpoint = await db.$transaction(async (tx) => {
    // Creates for one property queue on its row, so racing creates cannot pass the cap together.
    const [property] = await tx.$queryRaw<{ plan: Plan }[]>`
      SELECT plan FROM "Property" WHERE id = ${context.propertyId} FOR NO KEY UPDATE`;
    if (!property) throw notFound("Property");
    assertPlanIncludesApi(property, WEBHOOKS_PLAN_MESSAGE);
    const count = await tx.webhookEndpoint.count({ where: { propertyId: context.propertyId } });
    if (count >= MAX_ENDPOINTS_PER_PROPERTY) {
      throw new AppError("INVALID_STATE", `A property can have at most ${MAX_ENDPOINTS_PER_PROPERTY} webhook endpoints.`);
    }
    const created = await tx.webhookEndpoint.create({
      data: {
        id: newEndpointId(),
        propertyId: context.propertyId,
        url,
        description: input.description,
        eventTypes: input.eventTypes,
        retrySchedule: input.retrySchedule,
        // Created through the API: the endpoint belongs to the integration whose key created it.
        ownerKeyId: caller?.apiKeyId ?? null,
        ...(caller ? { readScopes: [...caller.scopes] } : {}),
        skipOwnEvents: input.skipOwnEvents,
        enabled: input.enabled,
        disabledCause: input.enabled ? null : "CREATED_DISABLED",
        disabledAt: input.enabled ? null : new Date(),
        secret: seal(secret),
        createdById: context.actor.type === "USER" ? context.actor.id : null,
      },
    });
    // The current state first, read in this transaction: every later change reaches the endpoint as an event.
    const snapshot = input.snapshot && input.enabled ? await queueSnapshot(tx, created) : null;
    if (snapshot) await notifyWebhookWorkers(tx);
    await recordAuditEvent(tx, {
      propertyId: context.propertyId,
      actor: context.actor,
      action: "webhook_endpoint.created",
      targetType: "webhook_endpoint",
      targetId: created.id,
      metadata: { url, eventTypes: input.eventTypes, ...(snapshot ? { snapshot } : {}) },
    });
    return created;
  });
  return { ...endpoint, secret };
}

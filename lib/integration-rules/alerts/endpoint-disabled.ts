import "server-only";
// An endpoint the delivery engine disabled (every delivery failed for 5 days, or it answered 410 Gone)
// in the last day: once per time it was disabled, resolved when it is enabled again (or gone).
import { db } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import type { EndpointDisabledCause } from "../../db/generated/prisma/enums";
import { describeDisabled } from "../../webhooks/disabled-reason";
import { DAY_MS } from "../thresholds";
import { endpointName } from "../wording";
import { endpointFilter, type AlertRule } from "./alert-rule";

export const endpointDisabled = {
  description: { label: "A webhook endpoint was disabled", hint: "It answered 410 Gone, or every delivery failed for 5 days" },
  mailReason: "a webhook endpoint was disabled",
  subjectType: "webhook_endpoint",

  async find(context) {
    const { now } = context;
    const rows = await db.$queryRaw<
      {
        id: string;
        propertyId: string;
        url: string;
        description: string;
        disabledAt: Date;
        disabledCause: EndpointDisabledCause;
        disabledBy: string | null;
        failingSince: Date | null;
      }[]
    >`
      SELECT e.id, e."propertyId", e.url, e.description, e."disabledAt", e."disabledCause", e."disabledBy", e."failingSince", p.timezone
      FROM "WebhookEndpoint" e JOIN "Property" p ON p.id = e."propertyId"
      WHERE NOT e.enabled AND e."disabledAt" > ${new Date(now.getTime() - DAY_MS)} AND e."disabledAt" <= ${now}
        AND e."disabledCause" IN ('FAILING', 'GONE') ${endpointFilter(context)}`;
    return rows.map((e) => ({
      propertyId: e.propertyId,
      rule: "ENDPOINT_DISABLED",
      subjectType: "webhook_endpoint",
      subjectId: e.id,
      dedupeKey: `ENDPOINT_DISABLED:${e.id}:${e.disabledAt.toISOString()}`,
      title: `Webhook endpoint disabled: ${endpointName(e)}`,
      body: `${describeDisabled({ cause: e.disabledCause, by: e.disabledBy, at: e.disabledAt, failingSince: e.failingSince })} Nothing is sent to ${e.url} until it is enabled again.`,
      actionLabel: "Re-enable…",
      actionHref: `/webhooks/${e.id}?enable=1`,
    }));
  },

  // Enabled again, or gone.
  resolveEnded: (context) =>
    db.$executeRaw`
      UPDATE "Alert" a SET "resolvedAt" = ${context.now}
      WHERE a."resolvedAt" IS NULL AND a.rule = 'ENDPOINT_DISABLED' AND a."createdAt" <= ${context.now}
        AND NOT EXISTS (SELECT 1 FROM "WebhookEndpoint" e WHERE e.id = a."subjectId" AND NOT e.enabled)
        ${endpointFilter(context, Prisma.sql`a."subjectId"`)}`,
} satisfies AlertRule;

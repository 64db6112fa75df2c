import "server-only";
// An enabled endpoint whose current run of failures has ENDPOINT_FAILING_ATTEMPTS attempts or has lasted
// ENDPOINT_FAILING_MS: once per run, resolved when a delivery succeeds (or the endpoint is disabled or gone).
import { db } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import { ENDPOINT_FAILING_ATTEMPTS, ENDPOINT_FAILING_MS } from "../thresholds";
import { endpointName, formatLocalTime, plural } from "../wording";
import { endpointFilter, type AlertRule } from "./alert-rule";

export const endpointFailing = {
  description: {
    label: "A webhook endpoint is failing",
    hint: "Three attempts in a row failed, or it has been failing for 15 minutes",
  },
  mailReason: "a webhook endpoint is failing",
  subjectType: "webhook_endpoint",

  async find(context) {
    const { now } = context;
    const rows = await db.$queryRaw<
      {
        id: string;
        propertyId: string;
        url: string;
        description: string;
        timezone: string;
        failingSince: Date;
        consecutiveFailures: number;
      }[]
    >`
      SELECT e.id, e."propertyId", e.url, e.description, e."failingSince", e."consecutiveFailures", p.timezone
      FROM "WebhookEndpoint" e JOIN "Property" p ON p.id = e."propertyId"
      WHERE e.enabled AND e."failingSince" IS NOT NULL AND e."failingSince" <= ${now}
        AND (e."consecutiveFailures" >= ${ENDPOINT_FAILING_ATTEMPTS} OR e."failingSince" <= ${new Date(now.getTime() - ENDPOINT_FAILING_MS)})
        ${endpointFilter(context)}`;
    return rows.map((e) => ({
      propertyId: e.propertyId,
      rule: "ENDPOINT_FAILING",
      subjectType: "webhook_endpoint",
      subjectId: e.id,
      dedupeKey: `ENDPOINT_FAILING:${e.id}:${e.failingSince.toISOString()}`,
      title: `Webhook endpoint failing: ${endpointName(e)}`,
      body: `${plural(e.consecutiveFailures, "delivery attempt")} in a row failed since ${formatLocalTime(e.failingSince, e.timezone, now)} (${e.url}). Deliveries are retried on schedule; after 5 days of failures the endpoint is disabled.`,
      actionLabel: "Open deliveries",
      actionHref: `/webhooks/${e.id}`,
    }));
  },

  // A failing run ended with a success, or the endpoint is disabled or gone.
  resolveEnded: (context) =>
    db.$executeRaw`
      UPDATE "Alert" a SET "resolvedAt" = ${context.now}
      WHERE a."resolvedAt" IS NULL AND a.rule = 'ENDPOINT_FAILING' AND a."createdAt" <= ${context.now}
        AND NOT EXISTS (SELECT 1 FROM "WebhookEndpoint" e WHERE e.id = a."subjectId" AND e.enabled AND e."failingSince" IS NOT NULL)
        ${endpointFilter(context, Prisma.sql`a."subjectId"`)}`,
} satisfies AlertRule;

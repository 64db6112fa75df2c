import "server-only";
// Deliveries to an endpoint that failed their last retry: once per endpoint and hour.
import { HOUR_MS } from "../thresholds";
import { endpointName, formatLocalTime, plural } from "../wording";
import type { AlertRule } from "./alert-rule";

export const deliveryExhausted = {
  description: { label: "Webhook deliveries gave up", hint: "A delivery failed its last retry" },
  mailReason: "webhook deliveries gave up",
  subjectType: "webhook_endpoint",

  async find({ now, endpointIds, traffic }) {
    const rows = await traffic.exhaustedDeliveries(endpointIds);
    return rows.map((e) => ({
      propertyId: e.propertyId,
      rule: "DELIVERY_EXHAUSTED",
      subjectType: "webhook_endpoint",
      subjectId: e.id,
      dedupeKey: `DELIVERY_EXHAUSTED:${e.id}:${e.bucket.toISOString()}`,
      title: `Webhook deliveries gave up: ${endpointName(e)}`,
      body: `${plural(e.exhausted, "delivery", "deliveries")} to ${e.url} failed their last retry between ${formatLocalTime(e.bucket, e.timezone, now)} and ${formatLocalTime(new Date(e.bucket.getTime() + HOUR_MS), e.timezone, now)}. Resend them once the endpoint works again.`,
      actionLabel: "Open failed deliveries",
      actionHref: `/webhooks/${e.id}?status=failed`,
    }));
  },
} satisfies AlertRule;

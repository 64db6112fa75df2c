import "server-only";
// A key (a day old at least) whose last hour holds SPIKE_FACTOR times its hourly median of the past
// week: once per key and day.
import { db } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import { hourFloor } from "../../rollups/usage-reports";
import { DAY_MS, HOUR_MS } from "../thresholds";
import { keyName, plural } from "../wording";
import type { AlertCandidate, AlertRule } from "./alert-rule";

export const SPIKE_FACTOR = 10;
/** Below this many requests an hour, a key's median is taken as this (a quiet key's first busy hour is no spike). */
export const SPIKE_MIN_BASELINE = 10;

/** The middle of a list of counts (the mean of the two middles for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const usageSpike = {
  description: { label: "An API key's usage spiked", hint: "At least 10 times its hourly median" },
  mailReason: "an api key's usage spiked",
  subjectType: "api_key",

  async find({ now, traffic }) {
    const busy = [...(await traffic.requests()).byKey.values()]
      .map(({ key, hour }) => ({ ...key, requests: hour.requests }))
      .filter((k) => k.requests >= SPIKE_FACTOR * SPIKE_MIN_BASELINE && k.createdAt.getTime() <= now.getTime() - DAY_MS);
    if (busy.length === 0) return [];
    const end = hourFloor(new Date(now.getTime() - HOUR_MS));
    const start = new Date(end.getTime() - 7 * DAY_MS);
    const hours = await db.$queryRaw<{ apiKeyId: string; bucket: Date; requests: number }[]>`
      SELECT "apiKeyId", bucket, sum(requests)::int AS requests FROM "ApiUsageRollup"
      WHERE "apiKeyId" IN (${Prisma.join(busy.map((k) => k.id))}) AND width = 3600 AND bucket >= ${start} AND bucket < ${end}
      GROUP BY 1, 2`;
    const candidates: AlertCandidate[] = [];
    for (const key of busy) {
      // Every hour of the past week the key existed, the quiet ones as 0.
      const from = Math.max(start.getTime(), hourFloor(key.createdAt).getTime());
      const counts = new Map(hours.filter((h) => h.apiKeyId === key.id).map((h) => [h.bucket.getTime(), h.requests]));
      const series: number[] = [];
      for (let t = from; t < end.getTime(); t += HOUR_MS) series.push(counts.get(t) ?? 0);
      const typical = median(series);
      if (key.requests < SPIKE_FACTOR * Math.max(typical, SPIKE_MIN_BASELINE)) continue;
      const factor =
        typical > 0
          ? `${Math.floor(key.requests / typical)}× its hourly median of ${typical.toLocaleString("en")}`
          : "its hourly median is 0";
      candidates.push({
        propertyId: key.propertyId,
        rule: "USAGE_SPIKE",
        subjectType: "api_key",
        subjectId: key.id,
        dedupeKey: `USAGE_SPIKE:${key.id}:${now.toISOString().slice(0, 10)}`,
        title: `Usage spike: ${keyName(key)}`,
        body: `${plural(key.requests, "request")} in the last hour: ${factor} over the past week. If the integration should not be this busy, look at its requests, or roll the key.`,
        actionLabel: "Open the key",
        actionHref: `/keys/${key.id}`,
      });
    }
    return candidates;
  },
} satisfies AlertRule;

import "server-only";
// A key that stops working within KEY_EXPIRY_NOTICE_MS: once per expiry date.
import { db } from "../../db/client";
import { DAY_MS } from "../thresholds";
import { keyName, longDate } from "../wording";
import type { AlertRule } from "./alert-rule";

export const KEY_EXPIRY_NOTICE_MS = 7 * DAY_MS;

export const keyExpiring = {
  description: { label: "An API key expires soon", hint: "Within 7 days" },
  mailReason: "an api key expires soon",
  subjectType: "api_key",

  async find({ now }) {
    const rows = await db.$queryRaw<
      { id: string; propertyId: string; name: string; mode: "LIVE" | "TEST"; last4: string; timezone: string; expiresAt: Date }[]
    >`
      SELECT k.id, k."propertyId", k.name, k.mode::text AS mode, k.last4, k."expiresAt", p.timezone
      FROM "ApiKey" k JOIN "Property" p ON p.id = k."propertyId"
      WHERE k."revokedAt" IS NULL AND k."expiresAt" > ${now} AND k."expiresAt" <= ${new Date(now.getTime() + KEY_EXPIRY_NOTICE_MS)}`;
    return rows.map((k) => ({
      propertyId: k.propertyId,
      rule: "KEY_EXPIRING",
      subjectType: "api_key",
      subjectId: k.id,
      dedupeKey: `KEY_EXPIRING:${k.id}:${k.expiresAt.toISOString()}`,
      title: `API key expires soon: ${keyName(k)}`,
      body: `It stops working on ${longDate(k.expiresAt, k.timezone)}. Roll it for a new key with the same permissions, and give the new key to the integration before then.`,
      actionLabel: "Roll the key…",
      actionHref: `/keys?roll=${k.id}`,
    }));
  },
} satisfies AlertRule;

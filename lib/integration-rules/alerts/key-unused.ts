import "server-only";
// A live key nobody has called with for KEY_UNUSED_MS (or never, KEY_UNUSED_MS after it was created):
// once per last use.
import { db } from "../../db/client";
import { DAY_MS } from "../thresholds";
import { keyName, longDate } from "../wording";
import type { AlertRule } from "./alert-rule";

export const KEY_UNUSED_MS = 90 * DAY_MS;

export const keyUnused = {
  description: { label: "An API key is unused", hint: "No request for 90 days" },
  mailReason: "an api key is unused",
  subjectType: "api_key",

  async find({ now }) {
    const before = new Date(now.getTime() - KEY_UNUSED_MS);
    const rows = await db.$queryRaw<
      {
        id: string;
        propertyId: string;
        name: string;
        mode: "LIVE" | "TEST";
        last4: string;
        timezone: string;
        lastUsedAt: Date | null;
        createdAt: Date;
      }[]
    >`
      SELECT k.id, k."propertyId", k.name, k.mode::text AS mode, k.last4, k."lastUsedAt", k."createdAt", p.timezone
      FROM "ApiKey" k JOIN "Property" p ON p.id = k."propertyId"
      WHERE k."revokedAt" IS NULL AND (k."expiresAt" IS NULL OR k."expiresAt" > ${now})
        AND k."createdAt" <= ${before} AND (k."lastUsedAt" IS NULL OR k."lastUsedAt" <= ${before})`;
    return rows.map((k) => ({
      propertyId: k.propertyId,
      rule: "KEY_UNUSED",
      subjectType: "api_key",
      subjectId: k.id,
      dedupeKey: `KEY_UNUSED:${k.id}:${k.lastUsedAt?.toISOString() ?? "never"}`,
      title: `API key unused for 90 days: ${keyName(k)}`,
      body: `${
        k.lastUsedAt
          ? `Last used on ${longDate(k.lastUsedAt, k.timezone)}`
          : `Never used since it was created on ${longDate(k.createdAt, k.timezone)}`
      }. A key nobody uses is a risk to keep: revoke it if no integration needs it.`,
      actionLabel: "Revoke the key…",
      actionHref: `/keys?revoke=${k.id}`,
    }));
  },
} satisfies AlertRule;

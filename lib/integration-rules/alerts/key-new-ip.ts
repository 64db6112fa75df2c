import "server-only";
// A key called from an address it had never been used from (its first address excepted): once per address.
import { db } from "../../db/client";
import { HOUR_MS } from "../thresholds";
import { formatLocalTime, keyName, plural } from "../wording";
import type { AlertRule } from "./alert-rule";

/** A new client address is looked for over this window (the evaluator runs every minute). */
export const NEW_ADDRESS_LOOKBACK_MS = HOUR_MS;

export const keyNewIp = {
  description: { label: "An API key was used from a new address", hint: "An address it had never been used from" },
  mailReason: "an api key was used from a new address",
  subjectType: "api_key",

  async find({ now }) {
    const rows = await db.$queryRaw<
      {
        id: string;
        propertyId: string;
        name: string;
        mode: "LIVE" | "TEST";
        last4: string;
        timezone: string;
        ip: string;
        firstSeenAt: Date;
        known: number;
      }[]
    >`
      SELECT k.id, k."propertyId", k.name, k.mode::text AS mode, k.last4, c.ip, c."firstSeenAt", p.timezone,
        (SELECT count(*) FROM "ApiKeyClientIp" o WHERE o."apiKeyId" = c."apiKeyId" AND o."firstSeenAt" < c."firstSeenAt")::int AS known
      FROM "ApiKeyClientIp" c JOIN "ApiKey" k ON k.id = c."apiKeyId" JOIN "Property" p ON p.id = k."propertyId"
      WHERE c."firstSeenAt" > ${new Date(now.getTime() - NEW_ADDRESS_LOOKBACK_MS)} AND c."firstSeenAt" <= ${now}`;
    // A key's first address is where it was meant to be used; only a later one is news.
    return rows
      .filter((k) => k.known > 0)
      .map((k) => ({
        propertyId: k.propertyId,
        rule: "KEY_NEW_IP",
        subjectType: "api_key",
        subjectId: k.id,
        dedupeKey: `KEY_NEW_IP:${k.id}:${k.ip}`,
        title: `API key used from a new address: ${keyName(k)}`,
        body: `${k.ip} first called with it at ${formatLocalTime(k.firstSeenAt, k.timezone, now)}; before, it had been used from ${plural(k.known, "other address", "other addresses")}. If you do not recognise it, roll the key.`,
        actionLabel: "Roll the key…",
        actionHref: `/keys?roll=${k.id}`,
      }));
  },
} satisfies AlertRule;

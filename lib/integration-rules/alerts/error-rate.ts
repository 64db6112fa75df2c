import "server-only";
// A key whose requests of the last FAILING_WINDOW_MS failed over FAILING_ERROR_RATE (the threshold of a
// Failing health line): once per episode, resolved when the rate falls back, raised again when it returns.
import { db } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import { describeErrorGroup } from "../../rollups/describe-error-group";
import type { AlertContext, AlertRule } from "./alert-rule";
import type { ErrorGroupCount } from "../recent-traffic";
import { FAILING_ERROR_RATE, FAILING_MIN_REQUESTS, FAILING_WINDOW_MS } from "../thresholds";
import { keyName, plural } from "../wording";

/** The keys whose recent requests are failing, with those requests. */
async function failingKeys({ traffic }: AlertContext) {
  return [...(await traffic.requests()).byKey.values()]
    .map(({ key, recent }) => ({ ...key, ...recent }))
    .filter((k) => k.requests >= FAILING_MIN_REQUESTS && k.failed / k.requests > FAILING_ERROR_RATE);
}

/** Each key's most frequent kind of error (over all its partners). */
function commonestByKey(groups: ErrorGroupCount[]): Map<string, ErrorGroupCount> {
  const totals = new Map<string, ErrorGroupCount>();
  for (const group of groups) {
    const id = JSON.stringify([group.apiKeyId, group.errorCode, group.status, group.method, group.route]);
    const total = totals.get(id);
    totals.set(id, total ? { ...total, n: total.n + group.n } : group);
  }
  const best = new Map<string, ErrorGroupCount>();
  for (const total of totals.values()) {
    const current = best.get(total.apiKeyId);
    if (!current || total.n > current.n) best.set(total.apiKeyId, total);
  }
  return best;
}

export const errorRate = {
  description: { label: "An API key's requests are failing", hint: "Over 20 % errors for 15 minutes" },
  mailReason: "an api key's requests are failing",
  subjectType: "api_key",

  async find(context) {
    const { now, traffic } = context;
    const failing = await failingKeys(context);
    const open = new Set(
      (await db.alert.findMany({ where: { rule: "ERROR_RATE", resolvedAt: null }, select: { subjectId: true } })).map((a) => a.subjectId),
    );
    const fresh = failing.filter((k) => !open.has(k.id));
    if (fresh.length === 0) return [];
    const groups = await traffic.errorGroups(
      FAILING_WINDOW_MS,
      fresh.map((k) => k.id),
    );
    const commonest = commonestByKey(groups);
    const windowStart = new Date(Math.floor(now.getTime() / FAILING_WINDOW_MS) * FAILING_WINDOW_MS);
    return fresh.map((k) => {
      const top = commonest.get(k.id);
      const mostly = top ? `, most of them ${describeErrorGroup(top)}` : "";
      const share = Math.round((k.failed / k.requests) * 100);
      const statusClass = k.serverErrors * 2 > k.failed ? "5xx" : "4xx";
      return {
        propertyId: k.propertyId,
        rule: "ERROR_RATE",
        subjectType: "api_key",
        subjectId: k.id,
        dedupeKey: `ERROR_RATE:${k.id}:${windowStart.toISOString()}`,
        title: `Requests failing: ${keyName(k)}`,
        body: `${k.failed} of ${plural(k.requests, "request")} (${share} %) failed in the last 15 minutes${mostly}.`,
        actionLabel: "Open the logs",
        actionHref: `/logs?key=${k.id}&status=${statusClass}&range=1h`,
      };
    });
  },

  // The keys no longer failing: their open alerts end.
  async resolveEnded(context) {
    const failing = (await failingKeys(context)).map((k) => k.id);
    return db.$executeRaw`
      UPDATE "Alert" SET "resolvedAt" = ${context.now}
      WHERE rule = 'ERROR_RATE' AND "resolvedAt" IS NULL
        ${failing.length ? Prisma.sql`AND "subjectId" NOT IN (${Prisma.join(failing)})` : Prisma.empty}`;
  },
} satisfies AlertRule;

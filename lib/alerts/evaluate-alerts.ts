import "server-only";
// The alert rules of lib/integration-rules, evaluated for every property at `now` (injected by tests): each
// rule finds the conditions that hold, the rules of lasting conditions resolve the alerts whose condition
// ended (so the next episode raises a new alert), and one INSERT … ON CONFLICT DO NOTHING raises the new
// ones. Every instance may run this every minute: an alert is still raised once.
import { db } from "../db/client";
import { ALERT_KINDS, type AlertKind } from "../integration-rules/alert-kinds";
import type { AlertCandidate, AlertContext, AlertRule } from "../integration-rules/alerts/alert-rule";
import { recentTraffic } from "../integration-rules/recent-traffic";
import { alertRules } from "../integration-rules/registry";

export interface RaisedAlert {
  id: string;
  propertyId: string;
  rule: AlertKind;
  title: string;
}

/**
 * Evaluates the rules (all, or `rules`; for endpoint rules, only `endpointIds` when given) at `now`, raises
 * the alerts not raised yet (only for properties whose plan includes the API) and resolves those whose
 * condition ended. Returns the alerts raised.
 */
export async function evaluateAlerts(
  options: { now?: Date; rules?: AlertKind[]; endpointIds?: string[] } = {},
): Promise<{ raised: RaisedAlert[]; resolved: number }> {
  const now = options.now ?? new Date();
  const context: AlertContext = { now, endpointIds: options.endpointIds, traffic: recentTraffic({ now }) };
  const wanted: AlertRule[] = ALERT_KINDS.filter((kind) => !options.rules || options.rules.includes(kind)).map((kind) => alertRules[kind]);
  const candidates: AlertCandidate[] = [];
  for (const rule of wanted) candidates.push(...(await rule.find(context)));
  let resolved = 0;
  for (const rule of wanted) if (rule.resolveEnded) resolved += await rule.resolveEnded(context);
  if (candidates.length === 0) return { raised: [], resolved };

  const rows = candidates.map((c) => ({ ...c, id: `alr_${crypto.randomUUID().replaceAll("-", "")}` }));
  const raised = await db.$queryRaw<RaisedAlert[]>`
    INSERT INTO "Alert" (id, "propertyId", rule, "subjectType", "subjectId", "dedupeKey", title, body, "actionLabel", "actionHref", "createdAt")
    SELECT x.id, x."propertyId", x.rule, x."subjectType", x."subjectId", x."dedupeKey", x.title, x.body, x."actionLabel", x."actionHref", ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id text, "propertyId" text, rule text, "subjectType" text, "subjectId" text,
      "dedupeKey" text, title text, body text, "actionLabel" text, "actionHref" text)
    -- Only where the API is part of the plan: a FREE property's keys and endpoints do nothing to warn about.
    JOIN "Property" p ON p.id = x."propertyId" AND p.plan = 'PRO'
    ORDER BY x."propertyId", x."dedupeKey"
    ON CONFLICT ("propertyId", "dedupeKey") DO NOTHING
    RETURNING id, "propertyId", rule, title`;
  return { raised, resolved };
}

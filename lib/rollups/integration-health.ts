import "server-only";
// Each integration's health in one word and one plain sentence, from the rollups: the property's API
// keys, the partners calling through them, and its webhook endpoints. The states and their rules are in
// lib/integration-rules/health/ (a subject is in the most severe state whose rule holds), read with `now`
// injected through the same reader of recent traffic as the alerts.
import { db } from "../db/client";
import { keyStatus } from "../api-keys/key-status";
import type { HealthState } from "../integration-rules/health/health-state-rule";
import { recentTraffic, type ErrorGroupCount } from "../integration-rules/recent-traffic";
import { healthOf, healthStates } from "../integration-rules/registry";
import { HOUR_MS } from "../integration-rules/thresholds";
import { endpointName, formatLocalTime, keyName } from "../integration-rules/wording";
import { describeErrorGroup } from "./describe-error-group";

export interface IntegrationHealth {
  kind: "key" | "partner" | "endpoint";
  id: string;
  name: string;
  state: HealthState;
  sentence: string;
  /** Where to look closer, below the property's API Access page ("/keys/key_…", "/webhooks/we_…"). */
  href: string;
}

/** Each key's or partner's most frequent error, in words: "for records that don't exist (404) on GET /reservations/{id}". */
function commonErrors(groups: ErrorGroupCount[], field: "apiKeyId" | "partnerId"): Map<string, string | null> {
  const byId = new Map<string, Map<string, number>>();
  for (const group of groups) {
    const id = group[field];
    if (!id) continue;
    const totals = byId.get(id) ?? new Map<string, number>();
    const what = describeErrorGroup(group);
    totals.set(what, (totals.get(what) ?? 0) + group.n);
    byId.set(id, totals);
  }
  return new Map([...byId].map(([id, totals]) => [id, [...totals].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null]));
}

/** Every integration of the property with its health, the most troubled first. */
export async function integrationHealth(
  property: { id: string; timezone: string },
  now = new Date(),
  /** Only this key's line (the key page): its traffic alone is read, and no partner or endpoint. */
  only?: { keyId: string },
): Promise<IntegrationHealth[]> {
  const keyId = only?.keyId;
  const traffic = recentTraffic({ now, propertyId: property.id, keyId });
  const [keys, requests, errors, endpoints] = await Promise.all([
    db.apiKey.findMany({ where: { propertyId: property.id, ...(keyId ? { id: keyId } : {}) }, orderBy: { createdAt: "desc" } }),
    traffic.requests(),
    traffic.errorGroups(HOUR_MS),
    keyId ? [] : db.webhookEndpoint.findMany({ where: { propertyId: property.id }, orderBy: { createdAt: "asc" } }),
  ]);
  const result: IntegrationHealth[] = [];
  const at = (d: Date) => formatLocalTime(d, property.timezone, now);

  const keyErrors = commonErrors(errors, "apiKeyId");
  for (const key of keys) {
    const status = keyStatus(key, now);
    const seen = requests.byKey.get(key.id);
    // A revoked or expired key matters only while something still calls with it.
    if ((status.kind === "revoked" || status.kind === "expired") && !seen) continue;
    const health = healthOf({
      kind: "traffic",
      name: keyName(key),
      traffic: seen,
      commonError: keyErrors.get(key.id) ?? null,
      expiring: status.kind === "expiring" ? status.label : null,
      at,
    });
    result.push({ kind: "key", id: key.id, name: key.name, ...health, href: `/keys/${key.id}` });
  }

  if (requests.byPartner.size > 0 && !keyId) {
    const partnerErrors = commonErrors(errors, "partnerId");
    const partners = await db.partner.findMany({ where: { id: { in: [...requests.byPartner.keys()] } }, select: { id: true, name: true } });
    for (const partner of partners) {
      const health = healthOf({
        kind: "traffic",
        name: partner.name,
        traffic: requests.byPartner.get(partner.id),
        commonError: partnerErrors.get(partner.id) ?? null,
        expiring: null,
        at,
      });
      result.push({ kind: "partner", id: partner.id, name: partner.name, ...health, href: `/logs` });
    }
  }

  if (endpoints.length > 0) {
    const deliveries = await traffic.endpointDeliveries(endpoints);
    for (const endpoint of endpoints) {
      const name = endpointName(endpoint);
      const health = healthOf({
        kind: "endpoint",
        name,
        endpoint,
        run: deliveries.runs.get(endpoint.id),
        lastHour: deliveries.lastHour.get(endpoint.id),
        lastDay: deliveries.lastDay.get(endpoint.id),
        lastSucceededAt: deliveries.lastSucceededAt.get(endpoint.id) ?? null,
        now,
        at,
      });
      result.push({ kind: "endpoint", id: endpoint.id, name, ...health, href: `/webhooks/${endpoint.id}` });
    }
  }
  return result.sort((a, b) => healthStates[a.state].severity - healthStates[b.state].severity);
}

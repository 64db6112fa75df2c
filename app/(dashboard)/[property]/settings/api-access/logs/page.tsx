import type { Metadata } from "next";
import { createLoader } from "nuqs/server";
import { RequestLogsPanel } from "@/components/request-logs/request-logs-panel";
import { UpgradeCallout } from "@/components/ui/upgrade-callout";
import { requirePermission } from "@/lib/auth/property-access";
import { planIncludesApi } from "@/lib/properties/plan";
import { listLogKeys, listRequestLogs, requestLogFilters } from "@/lib/request-logs/list-request-logs";
import { logFilterParsers, logFilterQuery, resolveLogFilters } from "@/lib/request-logs/log-filter-params";

export const metadata: Metadata = { title: "Request logs" };

const loadLogFilters = createLoader(logFilterParsers);

export default async function LogsTab({
  params,
  searchParams,
}: {
  params: Promise<{ property: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { property: slug } = await params;
  const access = await requirePermission(slug, "viewApiAccess");
  // The same reading of the URL as the panel's, so the first page is the one the panel would fetch.
  const { applied } = resolveLogFilters(loadLogFilters(await searchParams));
  const initialQuery = logFilterQuery(applied);
  const [initial, keys] = await Promise.all([
    listRequestLogs(access.property.id, requestLogFilters.parse(Object.fromEntries(new URLSearchParams(initialQuery)))),
    listLogKeys(access.property.id),
  ]);
  return (
    <div className="space-y-6">
      {planIncludesApi(access.property) ? null : (
        <UpgradeCallout slug={slug}>Until then, the API refuses every call, so no new requests are logged.</UpgradeCallout>
      )}
      <RequestLogsPanel
        slug={slug}
        initial={initial}
        initialQuery={initialQuery}
        keys={keys.map((k) => ({ id: k.id, label: `${k.name} (${k.mode === "LIVE" ? "live" : "test"} …${k.last4})` }))}
        retentionDays={access.property.logRetentionDays}
      />
    </div>
  );
}

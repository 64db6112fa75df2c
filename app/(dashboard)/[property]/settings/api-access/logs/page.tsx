import type { Metadata } from "next";
import { RequestLogsPanel } from "@/components/request-logs/request-logs-panel";
import { UpgradeCallout } from "@/components/ui/upgrade-callout";
import { requirePermission } from "@/lib/auth/property-access";
import { planIncludesApi } from "@/lib/properties/plan";
import { listLogKeys, listRequestLogs, requestLogFilters } from "@/lib/request-logs/list-request-logs";

export const metadata: Metadata = { title: "Request logs" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function LogsTab({
  params,
  searchParams,
}: {
  params: Promise<{ property: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { property: slug } = await params;
  const access = await requirePermission(slug, "viewApiAccess");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filters = requestLogFilters.parse(raw);
  const [initial, keys] = await Promise.all([
    listRequestLogs(access.property.id, { ...filters, cursor: undefined }),
    listLogKeys(access.property.id),
  ]);
  return (
    <div className="space-y-6">
      {planIncludesApi(access.property) ? null : (
        <UpgradeCallout slug={slug}>
          Until then, the API refuses every call with PLAN_REQUIRED, so no new requests are logged.
        </UpgradeCallout>
      )}
      <RequestLogsPanel
        slug={slug}
        initial={initial}
        keys={keys.map((k) => ({ id: k.id, label: `${k.name} (${k.mode === "LIVE" ? "live" : "test"} …${k.last4})` }))}
        retentionDays={access.property.logRetentionDays}
      />
    </div>
  );
}

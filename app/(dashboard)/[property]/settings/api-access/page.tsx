import type { Metadata } from "next";
import { AutoRefresh } from "@/components/api-access/overview/auto-refresh";
import { Card } from "@/components/api-access/overview/card";
import { DeliveryTable } from "@/components/api-access/overview/delivery-table";
import { ErrorGroupsTable } from "@/components/api-access/overview/error-groups-table";
import { HealthList } from "@/components/api-access/overview/health-list";
import { RangeTabs } from "@/components/api-access/overview/range-tabs";
import { RequestsChart } from "@/components/api-access/overview/requests-chart";
import { UsageTotals } from "@/components/api-access/overview/usage-totals";
import { UpgradeCallout } from "@/components/ui/upgrade-callout";
import { requirePermission } from "@/lib/auth/property-access";
import { db } from "@/lib/db/client";
import { planIncludesApi } from "@/lib/properties/plan";
import { integrationHealth } from "@/lib/rollups/integration-health";
import { deliveryStats, errorGroups, isOverviewRange, OVERVIEW_RANGES, rangeWindow, requestSeries } from "@/lib/rollups/usage-reports";

export const metadata: Metadata = { title: "API overview" };

export default async function OverviewTab({
  params,
  searchParams,
}: {
  params: Promise<{ property: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { property: slug } = await params;
  const { range: asked } = await searchParams;
  const range = isOverviewRange(asked) ? asked : "24h";
  // Checked here as well as in the layout: layouts and pages render concurrently.
  const access = await requirePermission(slug, "viewApiAccess");
  const property = access.property;
  const base = `/${slug}/settings/api-access`;
  const now = new Date();
  const { start, end } = rangeWindow(range, now);
  const [series, groups, health, endpoints, deliveries] = await Promise.all([
    requestSeries(property.id, range, { now }),
    errorGroups(property.id, range, { now }),
    integrationHealth(property, now),
    db.webhookEndpoint.findMany({ where: { propertyId: property.id }, orderBy: { createdAt: "asc" } }),
    deliveryStats(property.id, start, end),
  ]);
  const rangeLabel = OVERVIEW_RANGES[range].label;
  const { totals } = series;
  return (
    <div className="space-y-6">
      <AutoRefresh />
      {planIncludesApi(property) ? null : <UpgradeCallout slug={slug} />}
      <Card title="Integrations" description="Each API key, partner and webhook endpoint, and how it is doing now.">
        <HealthList items={health} base={base} />
      </Card>
      <Card
        title="Requests"
        description={`Every /api/v1 request of the last ${rangeLabel}, by outcome, with the 95th percentile of response time.`}
        actions={<RangeTabs current={range} href={(r) => (r === "24h" ? base : `${base}?range=${r}`)} />}
      >
        <UsageTotals totals={totals} />
        <RequestsChart
          points={series.points}
          timezone={property.timezone}
          withDay={range !== "24h"}
          label={`Requests over the last ${rangeLabel}: ${totals.requests.toLocaleString("en")} in all, ${totals.ok.toLocaleString("en")} succeeded, ${totals.clientErrors.toLocaleString("en")} client errors, ${totals.rateLimited.toLocaleString("en")} rate limited, ${totals.serverErrors.toLocaleString("en")} server errors.`}
        />
      </Card>
      <Card title="Errors" description={`Answers of 400 and above in the last ${rangeLabel}, grouped by error code and operation.`}>
        <ErrorGroupsTable groups={groups} base={base} range={range} timezone={property.timezone} />
      </Card>
      <Card title="Webhook deliveries" description={`Delivery attempts per endpoint in the last ${rangeLabel}.`}>
        <DeliveryTable
          base={base}
          timezone={property.timezone}
          endpoints={endpoints.map((e) => ({
            id: e.id,
            name: e.description || new URL(e.url).host,
            url: e.url,
            enabled: e.enabled,
            stats: deliveries.get(e.id),
          }))}
        />
      </Card>
    </div>
  );
}

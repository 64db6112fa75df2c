import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/api-access/overview/card";
import { ErrorGroupsTable, operationLabel } from "@/components/api-access/overview/error-groups-table";
import { HealthList } from "@/components/api-access/overview/health-list";
import { RangeTabs } from "@/components/api-access/overview/range-tabs";
import { RequestsChart } from "@/components/api-access/overview/requests-chart";
import { UsageTotals } from "@/components/api-access/overview/usage-totals";
import { KeyMode } from "@/components/api-keys/key-name";
import { KeyPermissions } from "@/components/api-keys/key-permissions";
import { KeyStatus } from "@/components/api-keys/key-status";
import { TableFrame } from "@/components/ui/table-frame";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requirePermission } from "@/lib/auth/property-access";
import { integrationHealth } from "@/lib/rollups/integration-health";
import { errorGroups, isOverviewRange, keyClientAddresses, OVERVIEW_RANGES, requestSeries, topRoutes } from "@/lib/rollups/usage-reports";
import { formatZonedTime } from "@/lib/ui/format";

export const metadata: Metadata = { title: "API key" };

export default async function ApiKeyPage({
  params,
  searchParams,
}: {
  params: Promise<{ property: string; keyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { property: slug, keyId } = await params;
  const { range: asked } = await searchParams;
  const range = isOverviewRange(asked) ? asked : "24h";
  const access = await requirePermission(slug, "viewApiAccess");
  const property = access.property;
  const key = (await listApiKeys(property.id)).find((k) => k.id === keyId);
  if (!key) notFound();
  const now = new Date();
  const [series, groups, routes, addresses, health] = await Promise.all([
    requestSeries(property.id, range, { apiKeyId: key.id, now }),
    errorGroups(property.id, range, { apiKeyId: key.id, now }),
    topRoutes(property.id, key.id, range, now),
    keyClientAddresses(key.id),
    integrationHealth(property, now, { keyId: key.id }),
  ]);
  const base = `/${slug}/settings/api-access`;
  const self = `${base}/keys/${key.id}`;
  const rangeLabel = OVERVIEW_RANGES[range].label;
  const mine = health.filter((h) => h.kind === "key" && h.id === key.id);
  return (
    <div className="space-y-6">
      <div>
        <Link href={`${base}/keys`} className="text-sm font-medium text-brand-700 hover:underline">
          ← All keys
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h2 className="text-xl font-semibold [overflow-wrap:anywhere] text-slate-900">{key.name}</h2>
          <KeyMode mode={key.mode} />
          <KeyStatus apiKey={key} />
        </div>
        <code className="mt-1 block font-mono text-sm text-slate-600">{key.preview}</code>
        {key.note ? <p className="mt-1 text-sm text-slate-600 italic">{key.note}</p> : null}
        <div className="mt-2 text-sm text-slate-700">
          <KeyPermissions scopes={key.scopes} />
        </div>
      </div>
      {mine.length > 0 ? (
        <Card title="Health">
          <HealthList items={mine} base={base} links={false} />
        </Card>
      ) : null}
      <Card
        title="Usage"
        description={`This key's requests of the last ${rangeLabel}, by outcome, with the 95th percentile of response time.`}
        actions={<RangeTabs current={range} href={(r) => (r === "24h" ? self : `${self}?range=${r}`)} />}
      >
        <UsageTotals totals={series.totals} />
        <RequestsChart
          points={series.points}
          timezone={property.timezone}
          withDay={range !== "24h"}
          label={`Requests with ${key.name} over the last ${rangeLabel}: ${series.totals.requests} in all, ${series.totals.ok} succeeded.`}
        />
      </Card>
      <Card title="Top endpoints" description={`The operations this key called most in the last ${rangeLabel}.`}>
        {routes.length === 0 ? (
          <p className="text-sm text-slate-600">No requests in this range.</p>
        ) : (
          <TableFrame
            label="Top endpoints"
            columns={[
              { label: "Operation" },
              { label: "Requests", align: "right" },
              { label: "Errors", align: "right" },
              { label: "Average", align: "right" },
            ]}
          >
            {routes.map((r) => (
              <tr key={`${r.method} ${r.route}`} data-testid="top-route">
                <td className="px-4 py-2 font-mono text-xs whitespace-nowrap">{operationLabel(r.method, r.route)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{r.requests.toLocaleString("en")}</td>
                <td className="px-4 py-2 text-right tabular-nums">{r.errors.toLocaleString("en")}</td>
                <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">{r.averageMs} ms</td>
              </tr>
            ))}
          </TableFrame>
        )}
      </Card>
      <Card title="Error codes" description={`This key's errors in the last ${rangeLabel}.`}>
        <ErrorGroupsTable groups={groups} base={base} range={range} timezone={property.timezone} apiKeyId={key.id} />
      </Card>
      <Card title="Client addresses" description="Where requests with this key came from, most recent first.">
        {addresses.length === 0 ? (
          <p className="text-sm text-slate-600">
            No address recorded yet. This server does not know callers’ addresses until whoever runs it tells it which proxy to trust.
          </p>
        ) : (
          <TableFrame
            label="Client addresses"
            columns={[{ label: "Address" }, { label: "First seen" }, { label: "Last seen" }, { label: "Requests", align: "right" }]}
          >
            {addresses.map((a) => (
              <tr key={a.ip} data-testid="client-address">
                <td className="px-4 py-2 font-mono text-xs">{a.ip}</td>
                <td className="px-4 py-2 whitespace-nowrap text-slate-600">
                  {formatZonedTime(a.firstSeenAt, property.timezone, { year: true })}
                </td>
                <td className="px-4 py-2 whitespace-nowrap text-slate-600">
                  {formatZonedTime(a.lastSeenAt, property.timezone, { year: true })}
                </td>
                <td className="px-4 py-2 text-right tabular-nums">{a.requests.toLocaleString("en")}</td>
              </tr>
            ))}
          </TableFrame>
        )}
      </Card>
    </div>
  );
}

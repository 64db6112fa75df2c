import Link from "next/link";
import { TableFrame } from "@/components/ui/table-frame";
import type { DeliveryStats } from "@/lib/rollups/usage-reports";
import { formatZonedTime } from "@/lib/ui/format";

export interface EndpointRow {
  id: string;
  name: string;
  url: string;
  enabled: boolean;
  stats: DeliveryStats | undefined;
}

/** Each endpoint's attempts over the range: success rate, p95 latency and the last success. */
export function DeliveryTable({ endpoints, base, timezone }: { endpoints: EndpointRow[]; base: string; timezone: string }) {
  if (endpoints.length === 0) return <p className="text-sm text-slate-600">No webhook endpoints yet.</p>;
  return (
    <TableFrame
      label="Webhook deliveries by endpoint"
      columns={[
        { label: "Endpoint" },
        { label: "Attempts", align: "right" },
        { label: "Success rate" },
        { label: "p95", align: "right" },
        { label: "Last success" },
      ]}
    >
      {endpoints.map(({ id, name, url, enabled, stats }) => {
        const rate = stats && stats.attempts > 0 ? stats.succeeded / stats.attempts : null;
        return (
          <tr key={id} data-testid="endpoint-delivery-stats">
            <td className="max-w-64 px-4 py-2">
              <Link href={`${base}/webhooks/${id}`} className="font-medium text-brand-700 hover:underline">
                {name}
              </Link>
              <div className="truncate text-xs text-slate-500" title={url}>
                {enabled ? url : `Disabled · ${url}`}
              </div>
            </td>
            <td className="px-4 py-2 text-right tabular-nums">{(stats?.attempts ?? 0).toLocaleString("en")}</td>
            <td className="px-4 py-2 whitespace-nowrap">
              {rate === null ? (
                <span className="text-slate-500">—</span>
              ) : (
                <span className="flex items-center gap-2">
                  <span className="h-2 w-20 overflow-hidden rounded-full bg-red-100" aria-hidden="true">
                    <span className="block h-full bg-emerald-500" style={{ width: `${Math.round(rate * 100)}%` }} />
                  </span>
                  <span className="tabular-nums">{(rate * 100).toFixed(rate === 1 ? 0 : 1)}%</span>
                  {stats!.failed > 0 ? <span className="text-xs text-slate-500">({stats!.failed} failed)</span> : null}
                </span>
              )}
            </td>
            <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">{stats?.p95Ms == null ? "—" : `${stats.p95Ms} ms`}</td>
            <td className="px-4 py-2 whitespace-nowrap text-slate-600">
              {stats?.lastSucceededAt ? formatZonedTime(stats.lastSucceededAt, timezone) : "—"}
            </td>
          </tr>
        );
      })}
    </TableFrame>
  );
}

import Link from "next/link";
import { TableFrame } from "@/components/ui/table-frame";
import type { ErrorGroup, OverviewRange } from "@/lib/rollups/usage-reports";
import { formatZonedTime } from "@/lib/ui/format";

export const operationLabel = (method: string, route: string) => (route ? `${method} ${route}` : `${method} (unknown path)`);

/** The logs of one group: its method, status, code and operation over the same range. */
export function errorLogsHref(base: string, group: ErrorGroup, range: OverviewRange, apiKeyId?: string) {
  const query = new URLSearchParams({ method: group.method, status: String(group.status), range });
  if (apiKeyId) query.set("key", apiKeyId);
  if (group.errorCode) query.set("code", group.errorCode);
  if (group.route) query.set("route", group.route);
  return `${base}/logs?${query}`;
}

export function ErrorGroupsTable({
  groups,
  base,
  range,
  timezone,
  apiKeyId,
}: {
  groups: ErrorGroup[];
  base: string;
  range: OverviewRange;
  timezone: string;
  /** Logs links keep to this key. */
  apiKeyId?: string;
}) {
  if (groups.length === 0) return <p className="text-sm text-slate-600">No errors in this range.</p>;
  return (
    <TableFrame
      label="Errors by code and operation"
      columns={[
        { label: "Error" },
        { label: "Operation" },
        { label: "Count", align: "right" },
        { label: "Last seen" },
        { label: "Logs", hidden: true },
      ]}
    >
      {groups.map((group) => (
        <tr key={`${group.errorCode}|${group.status}|${group.method}|${group.route}`} data-testid="error-group">
          <td className="px-4 py-2 whitespace-nowrap">
            {/* The code is the way to its logs, in the first column so a phone sees it without scrolling. */}
            <Link
              href={errorLogsHref(base, group, range, apiKeyId)}
              className="font-mono text-xs font-medium text-brand-700 hover:underline"
            >
              {group.errorCode || `HTTP ${group.status}`}
              <span className="sr-only"> on {operationLabel(group.method, group.route)}: view its logs</span>
            </Link>
            <span className="ml-2 text-xs text-slate-500">{group.status}</span>
          </td>
          <td className="px-4 py-2 font-mono text-xs whitespace-nowrap text-slate-800">{operationLabel(group.method, group.route)}</td>
          <td className="px-4 py-2 text-right tabular-nums">{group.count.toLocaleString("en")}</td>
          <td className="px-4 py-2 whitespace-nowrap text-slate-600">{formatZonedTime(group.lastSeenAt, timezone)}</td>
        </tr>
      ))}
    </TableFrame>
  );
}

"use client";

// Requests over time stacked by outcome, with p95 latency on its own axis (Recharts), and the same
// numbers as a table for anyone who cannot see the chart.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { UsagePoint } from "@/lib/rollups/usage-reports";

export const OUTCOMES = [
  { key: "ok", label: "2xx", color: "#059669" },
  { key: "clientErrors", label: "4xx", color: "#d97706" },
  { key: "rateLimited", label: "429", color: "#7c3aed" },
  { key: "serverErrors", label: "5xx", color: "#dc2626" },
] as const;

function formatter(timezone: string, withDay: boolean) {
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    ...(withDay ? { day: "numeric", month: "short" } : {}),
  });
  return (iso: string) => format.format(new Date(iso));
}

export function RequestsChart({
  points,
  timezone,
  withDay,
  label,
}: {
  points: UsagePoint[];
  timezone: string;
  /** Ticks carry the date (ranges over a day). */
  withDay: boolean;
  label: string;
}) {
  const tick = formatter(timezone, withDay);
  const exact = formatter(timezone, true);
  const busy = points.filter((p) => p.requests > 0);
  return (
    <div>
      <figure role="img" aria-label={label} className="h-64 w-full sm:h-72" data-testid="requests-chart">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={points} margin={{ top: 8, right: 4, bottom: 0, left: -12 }}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="at" tickFormatter={tick} minTickGap={28} tick={{ fontSize: 12, fill: "#475569" }} />
            <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} />
            <YAxis yAxisId="ms" orientation="right" unit=" ms" width={64} tick={{ fontSize: 12, fill: "#475569" }} />
            <Tooltip labelFormatter={(value) => exact(String(value))} />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            {OUTCOMES.map((o) => (
              <Bar key={o.key} yAxisId="count" dataKey={o.key} name={o.label} stackId="requests" fill={o.color} isAnimationActive={false} />
            ))}
            <Line
              yAxisId="ms"
              dataKey="p95Ms"
              name="p95 latency"
              stroke="#0f172a"
              strokeWidth={1.5}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </figure>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700 underline decoration-slate-300 underline-offset-2">
          Show the numbers as a table
        </summary>
        {busy.length === 0 ? (
          <p className="mt-2 text-slate-600">No requests in this range.</p>
        ) : (
          <div
            role="region"
            aria-label="Requests over time, as numbers"
            tabIndex={0}
            className="mt-2 max-h-80 overflow-auto rounded-md border border-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
          >
            <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Requests over time">
              <thead className="sticky top-0 bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    From
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Requests
                  </th>
                  {OUTCOMES.map((o) => (
                    <th key={o.key} scope="col" className="px-3 py-2 text-right">
                      {o.label}
                    </th>
                  ))}
                  <th scope="col" className="px-3 py-2 text-right">
                    p95
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {busy.map((p) => (
                  <tr key={p.at}>
                    <td className="px-3 py-1.5 whitespace-nowrap">{exact(p.at)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{p.requests}</td>
                    {OUTCOMES.map((o) => (
                      <td key={o.key} className="px-3 py-1.5 text-right tabular-nums">
                        {p[o.key]}
                      </td>
                    ))}
                    <td className="px-3 py-1.5 text-right tabular-nums">{p.p95Ms === null ? "—" : `${p.p95Ms} ms`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </div>
  );
}

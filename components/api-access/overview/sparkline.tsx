"use client";

import { Line, LineChart, YAxis } from "recharts";

/** A key's requests per hour over the last 24 hours, as a small line; the label says it in words. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const data = values.map((requests, hour) => ({ hour, requests }));
  return (
    <span role="img" aria-label={label} className="inline-block align-middle" data-testid="key-sparkline">
      <LineChart width={88} height={24} data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <YAxis hide domain={[0, "dataMax"]} />
        <Line dataKey="requests" stroke="#2563eb" strokeWidth={1.5} dot={false} isAnimationActive={false} />
      </LineChart>
    </span>
  );
}

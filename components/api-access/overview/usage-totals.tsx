import type { OutcomeCounts } from "@/lib/rollups/usage-reports";

/** The range's totals in figures above its chart. */
export function UsageTotals({ totals }: { totals: OutcomeCounts & { p95Ms: number | null } }) {
  const share = (n: number) => (totals.requests ? `${((n / totals.requests) * 100).toFixed(n === totals.requests ? 0 : 1)}%` : "—");
  const figures = [
    { label: "Requests", value: totals.requests.toLocaleString("en") },
    { label: "Succeeded", value: share(totals.ok) },
    { label: "4xx", value: totals.clientErrors.toLocaleString("en") },
    { label: "429", value: totals.rateLimited.toLocaleString("en") },
    { label: "5xx", value: totals.serverErrors.toLocaleString("en") },
    { label: "p95", value: totals.p95Ms === null ? "—" : `${totals.p95Ms} ms` },
  ];
  return (
    <dl className="mb-4 grid grid-cols-3 gap-3 sm:grid-cols-6">
      {figures.map((f) => (
        <div key={f.label} className="rounded-md bg-slate-50 px-3 py-2">
          <dt className="text-xs text-slate-600">{f.label}</dt>
          <dd className="text-base font-semibold text-slate-900 tabular-nums" data-testid={`total-${f.label.toLowerCase()}`}>
            {f.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

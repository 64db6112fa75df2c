import Link from "next/link";
import { OVERVIEW_RANGES, type OverviewRange } from "@/lib/rollups/usage-reports";
import { cn } from "@/lib/ui/cn";

/** 24 hours / 7 days / 30 days, as links (the range lives in the URL). */
export function RangeTabs({ current, href }: { current: OverviewRange; href: (range: OverviewRange) => string }) {
  return (
    <nav aria-label="Range" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
      {(Object.keys(OVERVIEW_RANGES) as OverviewRange[]).map((range) => (
        <Link
          key={range}
          href={href(range)}
          aria-current={range === current ? "page" : undefined}
          className={cn(
            "rounded px-3 py-1 text-sm font-medium",
            range === current ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
          )}
        >
          {OVERVIEW_RANGES[range].label}
        </Link>
      ))}
    </nav>
  );
}

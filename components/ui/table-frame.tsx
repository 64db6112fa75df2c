import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

export interface Column {
  label: string;
  align?: "right";
  /** Read by screen readers only (e.g. an actions column). */
  hidden?: boolean;
}

/** The frame every list table shares: scroll box, header row, divided body. Rows are the children. */
export function TableFrame({ columns, label, children }: { columns: Column[]; label?: string; children: ReactNode }) {
  return (
    // Positioned, so the visually hidden header text stays inside the scroll box instead of widening the page.
    // Focusable, so a keyboard can scroll a table wider than a phone (axe: scrollable-region-focusable).
    <div
      data-table-frame
      role="region"
      aria-label={label ?? "Table"}
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={label}>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={cn("px-4 py-3", column.align === "right" && "text-right")}>
                {column.hidden ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

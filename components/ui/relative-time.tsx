"use client";

import { relativeTimeText } from "@/lib/ui/relative-time-text";

/** "just now", "3 minutes ago", with the exact time on hover (title) and for screen readers. */
export function RelativeTime({ value, never = "Never" }: { value: string | null; never?: string }) {
  if (!value) return <span className="text-slate-500">{never}</span>;
  const date = new Date(value);
  const exact = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium" }).format(date);
  return (
    <time
      dateTime={value}
      title={exact}
      aria-label={exact}
      suppressHydrationWarning
      className="cursor-default whitespace-nowrap underline decoration-slate-300 decoration-dotted underline-offset-2"
    >
      {relativeTimeText(date)}
    </time>
  );
}

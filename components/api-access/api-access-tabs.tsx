"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/ui/cn";

export function ApiAccessTabs({ base }: { base: string }) {
  const pathname = usePathname();
  const tabs = [
    { href: base, label: "Overview" },
    { href: `${base}/keys`, label: "Keys" },
    { href: `${base}/webhooks`, label: "Webhooks" },
    { href: `${base}/logs`, label: "Logs" },
  ];
  return (
    <nav aria-label="API Access" className="flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => {
        // A sub-page (one endpoint's deliveries, one key) keeps its tab marked; Overview is the base path only.
        const active = pathname === tab.href || (tab.href !== base && pathname.startsWith(`${tab.href}/`));
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-4 py-2 text-sm font-medium",
              active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}

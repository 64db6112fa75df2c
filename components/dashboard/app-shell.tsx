"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { can } from "@/lib/auth/roles";
import { cn } from "@/lib/ui/cn";
import { AlertBell } from "./alert-bell";
import { CurrentPropertyProvider, type CurrentProperty } from "./current-property";
import { PropertySwitcher, type PropertyOption } from "./property-switcher";

interface Props {
  current: PropertyOption;
  properties: PropertyOption[];
  admins: CurrentProperty["admins"];
  user: { name: string; email: string };
  showApiAccess: boolean;
  children: ReactNode;
}

export function AppShell({ current, properties, admins, user, showApiAccess, children }: Props) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const base = `/${current.slug}`;
  const nav = [
    { href: `${base}/reservations`, label: "Reservations", section: null },
    ...(showApiAccess ? [{ href: `${base}/settings/api-access`, label: "API Access", section: "Settings" }] : []),
    { href: `${base}/settings/team`, label: "Team", section: "Settings" },
    { href: `${base}/settings/plan`, label: "Plan", section: "Settings" },
    ...(can.viewActivity(current.role) ? [{ href: `${base}/settings/activity`, label: "Activity", section: "Settings" }] : []),
  ];

  const sidebar = (
    <div className="flex h-full flex-col gap-6 p-4">
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <PropertySwitcher current={current} properties={properties} />
        </div>
        {showApiAccess ? <AlertBell slug={current.slug} className="mt-2 hidden lg:block" /> : null}
      </div>
      <nav aria-label="Main" className="flex-1 space-y-1">
        {nav.map((item, index) => (
          <div key={item.href}>
            {item.section && nav[index - 1]?.section !== item.section ? (
              <p className="mt-4 mb-1 px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{item.section}</p>
            ) : null}
            <Link
              href={item.href}
              onClick={() => setOpen(false)}
              aria-current={pathname.startsWith(item.href) ? "page" : undefined}
              className={cn(
                "block rounded-md px-3 py-2 text-sm font-medium",
                pathname.startsWith(item.href) ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {item.label}
            </Link>
          </div>
        ))}
      </nav>
      <div className="border-t border-slate-200 pt-4">
        <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
        <p className="mb-3 truncate text-xs text-slate-500">{user.email}</p>
        <div className="flex flex-wrap items-center gap-2">
          <Link href="/account/security" className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-slate-100">
            Account security
          </Link>
          <SignOutButton />
        </div>
      </div>
    </div>
  );

  return (
    <div className="min-h-screen lg:flex">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <aside className="hidden w-64 shrink-0 border-r border-slate-200 bg-white lg:block">{sidebar}</aside>
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 lg:hidden">
        <span className="min-w-0 truncate font-semibold">{current.name}</span>
        <div className="flex shrink-0 items-center gap-2">
          {showApiAccess ? <AlertBell slug={current.slug} /> : null}
          <button
            type="button"
            className="rounded-md border border-slate-300 px-3 py-1 text-sm"
            aria-expanded={open}
            aria-controls="mobile-nav"
            onClick={() => setOpen((value) => !value)}
          >
            Menu
          </button>
        </div>
      </header>
      {open ? (
        <div id="mobile-nav" className="border-b border-slate-200 bg-white lg:hidden">
          {sidebar}
        </div>
      ) : null}
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-8">
        <CurrentPropertyProvider value={{ slug: current.slug, name: current.name, admins }}>{children}</CurrentPropertyProvider>
      </main>
    </div>
  );
}

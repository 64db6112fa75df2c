import Link from "next/link";
import type { ReactNode } from "react";
import { AccountTabs } from "@/components/account/account-tabs";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Providers } from "@/components/dashboard/providers";
import { requireUser } from "@/lib/auth/current-user";
import { listUserProperties } from "@/lib/auth/property-access";

// The signed-in user's own settings: no property in the URL, so a plain shell with the way back to the properties.
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/account/security");
  const properties = await listUserProperties(user.id);
  return (
    <Providers twoFactorEnabled={user.twoFactorEnabled}>
      <div className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 sm:px-8">
            <div className="flex min-w-0 items-center gap-3">
              <span aria-hidden className="flex h-8 w-8 shrink-0 items-center justify-center rounded-lg bg-brand-600 font-bold text-white">
                P
              </span>
              <div className="min-w-0">
                <p className="text-sm font-semibold text-slate-900">Your account</p>
                <p className="truncate text-xs text-slate-500">{user.email}</p>
              </div>
            </div>
            <SignOutButton />
          </div>
          {properties.length > 0 ? (
            <nav
              aria-label="Your properties"
              className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-4 gap-y-1 px-4 pb-3 text-sm sm:px-8"
            >
              <span className="text-slate-500">Back to</span>
              {properties.map((property) => (
                <Link key={property.slug} href={`/${property.slug}/reservations`} className="font-medium text-brand-700 hover:underline">
                  {property.name}
                </Link>
              ))}
            </nav>
          ) : null}
        </header>
        <main className="mx-auto max-w-4xl px-4 py-6 sm:px-8">
          <AccountTabs />
          <div className="mt-6">{children}</div>
        </main>
      </div>
    </Providers>
  );
}

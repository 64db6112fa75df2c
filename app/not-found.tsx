import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listUserProperties } from "@/lib/auth/property-access";

export const metadata: Metadata = { title: "Page not found" };

// An unknown property (or one the user is not a member of: the same 404, so a URL never reveals that a
// property exists) or an unknown path outside the dashboard: the way back is the user's own properties.
export default async function NotFound() {
  const user = await getCurrentUser();
  const properties = user ? await listUserProperties(user.id) : [];
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">This page does not exist, or you do not have access to it.</p>
      {properties.length > 0 ? (
        <nav aria-label="Your properties" className="mt-6 text-left">
          <p className="text-sm font-medium text-slate-900">Your properties</p>
          <ul className="mt-2 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
            {properties.map((property) => (
              <li key={property.slug}>
                <Link
                  href={`/${property.slug}/reservations`}
                  className="flex items-center justify-between px-4 py-3 text-sm font-medium text-brand-700 hover:bg-slate-50"
                >
                  {property.name}
                  <span aria-hidden>→</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        <Link href={user ? "/" : "/login"} className="mt-6 inline-block text-sm font-medium text-brand-700 hover:underline">
          {user ? "Back to your dashboard" : "Sign in"}
        </Link>
      )}
    </main>
  );
}

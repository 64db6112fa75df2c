"use client";
// What the shell shows in place of a page: 403 (the role lacks it) and 404 (no such page at this property).
import Link from "next/link";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { useCurrentProperty } from "./current-property";

function Notice({ status, title, children }: { status: 403 | 404; title: string; children: React.ReactNode }) {
  const property = useCurrentProperty();
  return (
    <section aria-labelledby="shell-notice-title" className="mx-auto max-w-xl py-10 sm:py-16">
      <p className={status === 403 ? "text-sm font-semibold text-red-700" : "text-sm font-semibold text-brand-700"}>{status}</p>
      <h1 id="shell-notice-title" className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">
        {title}
      </h1>
      <div className="mt-3 space-y-3 text-sm text-slate-700">{children}</div>
      <Link
        href={`/${property.slug}/reservations`}
        className="mt-6 inline-flex h-9 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
      >
        ← Back to {property.name}
      </Link>
    </section>
  );
}

export function AccessDenied() {
  const { name, admins } = useCurrentProperty();
  return (
    <Notice status={403} title="You don’t have access to this page">
      <p>Your role at {name} does not include this page. If you need it, ask one of the property’s admins to change your role:</p>
      {admins.length > 0 ? (
        <ul aria-label="Admins of this property" className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
          {admins.map((admin) => (
            <li key={admin.email} className="flex flex-wrap items-baseline justify-between gap-x-3 px-3 py-2">
              <span className="font-medium text-slate-900">{admin.name}</span>
              <span className="min-w-0 text-slate-600">
                {ROLE_LABEL[admin.role]} ·{" "}
                <a className="break-all text-brand-700 hover:underline" href={`mailto:${admin.email}`}>
                  {admin.email}
                </a>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}

export function PageNotFound() {
  const { name } = useCurrentProperty();
  return (
    <Notice status={404} title="Page not found">
      <p>There is no such page at {name}. The link may be old, or the address mistyped; the menu lists every page you can open.</p>
    </Notice>
  );
}

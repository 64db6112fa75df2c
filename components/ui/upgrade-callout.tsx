import Link from "next/link";
import type { ReactNode } from "react";

/** What PRO adds, in the words of the screens a FREE property cannot use. */
export const PRO_UNLOCKS = [
  "API keys for channel managers, door locks, review platforms and your own tools",
  "Webhooks that push reservation and guest events as they happen",
  "Request logs of every API call, for 30 days and more",
] as const;

/**
 * A FREE property on a screen whose actions need PRO: says so, what PRO unlocks, and where to upgrade
 * (the property's plan page, which tells an admin how and anyone else whom to ask).
 */
export function UpgradeCallout({
  slug,
  title = "API access is on the PRO plan",
  children,
}: {
  slug: string;
  title?: string;
  children?: ReactNode;
}) {
  return (
    <section aria-label={title} className="rounded-lg border border-brand-100 bg-brand-50 p-4 text-sm text-slate-800 sm:p-5">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h2 className="text-base font-semibold text-slate-900">{title}</h2>
          <p className="mt-1">This property is on the FREE plan. PRO unlocks:</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {PRO_UNLOCKS.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {children ? <div className="mt-2 text-slate-600">{children}</div> : null}
        </div>
        <Link
          href={`/${slug}/settings/plan`}
          className="inline-flex h-9 shrink-0 items-center justify-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
        >
          Upgrade to PRO
        </Link>
      </div>
    </section>
  );
}

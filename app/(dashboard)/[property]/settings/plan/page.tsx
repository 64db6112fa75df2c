import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { PRO_UNLOCKS } from "@/components/ui/upgrade-callout";
import { requirePermission } from "@/lib/auth/property-access";
import { can, ROLE_LABEL } from "@/lib/auth/roles";
import { listPropertyAdmins } from "@/lib/team/list-property-admins";

export const metadata: Metadata = { title: "Plan" };

const FREE_INCLUDES = ["Reservations, check-in and check-out", "Team members with roles", "The property's activity log"];

export default async function PlanPage({ params }: { params: Promise<{ property: string }> }) {
  const { property: slug } = await params;
  const access = await requirePermission(slug, "viewTeam");
  const { plan, name } = access.property;
  const admins = await listPropertyAdmins(access.property.id);
  const plans = [
    { id: "FREE", title: "FREE", includes: FREE_INCLUDES },
    { id: "PRO", title: "PRO", includes: ["Everything in FREE", ...PRO_UNLOCKS] },
  ] as const;
  return (
    <>
      <PageHeader title="Plan" description={`What ${name}'s plan includes, and how to change it.`} />
      <div className="grid gap-4 md:grid-cols-2">
        {plans.map((p) => (
          <section
            key={p.id}
            aria-label={`${p.title} plan`}
            className={
              p.id === plan ? "rounded-lg border-2 border-brand-600 bg-white p-5" : "rounded-lg border border-slate-200 bg-white p-5"
            }
          >
            <div className="flex items-center justify-between gap-2">
              <h2 className="text-lg font-semibold text-slate-900">{p.title}</h2>
              {p.id === plan ? <Badge tone="blue">Current plan</Badge> : null}
            </div>
            <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
              {p.includes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <section aria-labelledby="how-to-upgrade" className="mt-8 max-w-2xl text-sm text-slate-700">
        <h2 id="how-to-upgrade" className="text-base font-semibold text-slate-900">
          {plan === "PRO" ? "This property is on PRO" : "How to upgrade"}
        </h2>
        {plan === "PRO" ? (
          <p className="mt-2">API keys, webhooks and request logs are all available under Settings → API Access.</p>
        ) : can.manageApiAccess(access.role) ? (
          <p className="mt-2">
            Plans are changed by our team, not yet in the dashboard: as an {ROLE_LABEL[access.role].toLowerCase()} of {name}, write to the
            team that set up your dashboard and ask for {name} to move to PRO. The change takes effect at once: existing API keys work again
            and paused webhooks resume, with nothing to set up anew.
          </p>
        ) : (
          <>
            <p className="mt-2">Only the property’s owners and admins can ask for a plan change. Ask one of them:</p>
            <ul className="mt-2 space-y-1">
              {admins.map((admin) => (
                <li key={admin.email}>
                  <span className="font-medium text-slate-900">{admin.name}</span> ({ROLE_LABEL[admin.role]}) ·{" "}
                  <a className="text-brand-700 underline" href={`mailto:${admin.email}`}>
                    {admin.email}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

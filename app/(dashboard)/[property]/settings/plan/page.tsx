import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { PRO_UNLOCKS } from "@/components/ui/upgrade-callout";
import { requirePermission } from "@/lib/auth/property-access";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { listPropertyAdmins } from "@/lib/team/list-property-admins";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Plan" };

const FREE_INCLUDES = ["Reservations, check-in and check-out", "Team members with roles", "The property's activity log"];

export default async function PlanPage({ params }: { params: Promise<{ property: string }> }) {
  const { property: slug } = await params;
  const access = await requirePermission(slug, "viewTeam");
  const { plan, name } = access.property;
  // Named on every plan and to every role: plans are not changed in the dashboard, so a person is who to ask.
  const admins = await listPropertyAdmins(access.property.id);
  const isAdmin = access.role === "OWNER" || access.role === "ADMIN";
  // Whom this deployment's operators name for plan changes (PLAN_CONTACT), if anyone.
  const contact = env().PLAN_CONTACT;
  const operator = contact ? (
    <a className="break-all font-medium text-brand-700 underline" href={contact.startsWith("https://") ? contact : `mailto:${contact}`}>
      {contact}
    </a>
  ) : null;
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
          <p className="mt-2">
            API keys, webhooks and request logs are all available under Settings → API Access. A plan change is asked for by one of {name}’s
            owners or admins, below{operator ? <>, who write to {operator}</> : null}.
          </p>
        ) : isAdmin ? (
          <p className="mt-2">
            Plans are not changed in the dashboard.{" "}
            {operator ? (
              <>
                As {access.role === "OWNER" ? "an owner" : "an admin"} of {name}, write to {operator} for {name} to move to PRO.
              </>
            ) : (
              <>
                They are set by whoever runs this PMS for {name} (whoever set up this dashboard). As{" "}
                {access.role === "OWNER" ? "an owner" : "an admin"} of {name}, ask them for {name} to move to PRO.
              </>
            )}{" "}
            The change takes effect at once: existing API keys work again and paused webhooks resume, with nothing to set up anew.
          </p>
        ) : (
          <p className="mt-2">
            Only the property’s owners and admins can ask for a plan change. Ask one of them (below): they ask whoever runs this PMS to move{" "}
            {name} to PRO, and it takes effect at once.
          </p>
        )}
      </section>
      <section aria-labelledby="plan-contacts" className="mt-6 max-w-2xl text-sm text-slate-700">
        <h2 id="plan-contacts" className="text-base font-semibold text-slate-900">
          Who can ask for a plan change
        </h2>
        {admins.length === 0 ? (
          <p className="mt-2">{name} has no owner or admin at the moment: ask whoever runs this PMS.</p>
        ) : (
          <ul className="mt-2 space-y-1" data-testid="plan-contacts">
            {admins.map((admin) => (
              <li key={admin.email} className="break-words">
                <span className="font-medium text-slate-900">{admin.name}</span> ({ROLE_LABEL[admin.role]}
                {admin.email === access.user.email ? ", you" : ""}) ·{" "}
                <a className="break-all text-brand-700 underline" href={`mailto:${admin.email}`}>
                  {admin.email}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

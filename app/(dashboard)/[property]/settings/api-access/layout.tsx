import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ApiAccessTabs } from "@/components/api-access/api-access-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/property-access";
import { mustSetUpTwoFactor } from "@/lib/auth/roles";

export default async function ApiAccessLayout({ children, params }: { children: ReactNode; params: Promise<{ property: string }> }) {
  const { property: slug } = await params;
  const access = await requirePermission(slug, "viewApiAccess");
  // A property that requires 2FA of its key managers sends them to set it up before anything else here.
  if (mustSetUpTwoFactor(access.property, access.role, access.user)) {
    redirect(`/account/security?required=1&callbackUrl=${encodeURIComponent(`/${slug}/settings/api-access`)}`);
  }
  return (
    <>
      <PageHeader
        title="API Access"
        description="Connect channel managers, door locks, review platforms and your own tools to this property."
        actions={
          <a
            href="/docs/api"
            target="_blank"
            rel="noreferrer"
            className="inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            API reference ↗
          </a>
        }
      />
      <ApiAccessTabs base={`/${slug}/settings/api-access`} />
      <div className="mt-6">{children}</div>
    </>
  );
}

import type { ReactNode } from "react";
import { ApiAccessTabs } from "@/components/api-access/api-access-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/property-access";

export default async function ApiAccessLayout({ children, params }: { children: ReactNode; params: Promise<{ property: string }> }) {
  const { property: slug } = await params;
  await requirePermission(slug, "viewApiAccess");
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

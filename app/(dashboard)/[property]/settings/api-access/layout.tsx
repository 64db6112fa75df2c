import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { ApiAccessTabs } from "@/components/api-access/api-access-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { getPropertyAccess } from "@/lib/auth/property-access";
import { can } from "@/lib/auth/roles";

export default async function ApiAccessLayout({ children, params }: { children: ReactNode; params: Promise<{ property: string }> }) {
  const { property: slug } = await params;
  const access = await getPropertyAccess(slug);
  if (!can.viewApiAccess(access.role)) forbidden();
  return (
    <>
      <PageHeader
        title="API Access"
        description="Connect channel managers, door locks, review platforms and your own tools to this property."
      />
      <ApiAccessTabs base={`/${slug}/settings/api-access`} />
      <div className="mt-6">{children}</div>
    </>
  );
}

import type { ReactNode } from "react";
import { AppShell } from "@/components/dashboard/app-shell";
import { Providers } from "@/components/dashboard/providers";
import { getPropertyAccess, listUserProperties } from "@/lib/auth/property-access";
import { can } from "@/lib/auth/roles";
import { listPropertyAdmins } from "@/lib/team/list-property-admins";

type Params = Promise<{ property: string }>;

export default async function PropertyLayout({ children, params }: { children: ReactNode; params: Params }) {
  const { property: slug } = await params;
  const access = await getPropertyAccess(slug);
  const [properties, admins] = await Promise.all([listUserProperties(access.user.id), listPropertyAdmins(access.property.id)]);
  return (
    <Providers twoFactorEnabled={access.user.twoFactorEnabled}>
      <AppShell
        current={{ slug: access.property.slug, name: access.property.name, plan: access.property.plan, role: access.role }}
        properties={properties}
        admins={admins}
        user={access.user}
        showApiAccess={can.viewApiAccess(access.role)}
      >
        {children}
      </AppShell>
    </Providers>
  );
}

import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppShell } from "@/components/dashboard/app-shell";
import { Providers } from "@/components/dashboard/providers";
import { findMemberProperty, getPropertyAccess, listUserProperties } from "@/lib/auth/property-access";
import { can } from "@/lib/auth/roles";
import { listPropertyAdmins } from "@/lib/team/list-property-admins";
import { PRODUCT_NAME } from "@/lib/ui/product";

type Params = Promise<{ property: string }>;

// Each page states only its own part ("Request logs"); the tab reads "Request logs · Grand Hotel · Property dashboard".
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { property: slug } = await params;
  // Not getPropertyAccess: its notFound() here would leave the root 404 without a title.
  const property = await findMemberProperty(slug);
  // The layout's notFound() follows; the page's own title ("Reservations") must not name a page that is not there.
  if (!property) return { title: { default: `Page not found · ${PRODUCT_NAME}`, template: `Page not found · ${PRODUCT_NAME}` } };
  return { title: { template: `%s · ${property.name} · ${PRODUCT_NAME}`, default: `${property.name} · ${PRODUCT_NAME}` } };
}

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

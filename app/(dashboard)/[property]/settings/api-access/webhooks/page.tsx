import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/property-access";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksTab({ params }: { params: Promise<{ property: string }> }) {
  await requirePermission((await params).property, "viewApiAccess");
  return <EmptyState title="No webhooks yet" description="Webhooks tell your systems the moment something changes, instead of polling the API." />;
}

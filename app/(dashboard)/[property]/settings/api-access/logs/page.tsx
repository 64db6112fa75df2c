import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/property-access";

export const metadata: Metadata = { title: "Request logs" };

export default async function LogsTab({ params }: { params: Promise<{ property: string }> }) {
  await requirePermission((await params).property, "viewApiAccess");
  return <EmptyState title="No API requests yet" description="Every call to this property's API will be listed here, with its request and response." />;
}

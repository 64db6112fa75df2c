import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/property-access";
import { endpointExists } from "@/lib/webhooks/get-endpoint";

// Outside this page's loading boundary: an unknown endpoint is a real 404, not a "not found" streamed as 200.
export default async function WebhookEndpointLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ property: string; endpointId: string }>;
}) {
  const { property: slug, endpointId } = await params;
  const access = await requirePermission(slug, "viewApiAccess");
  if (!(await endpointExists(access.property.id, endpointId))) notFound();
  return children;
}

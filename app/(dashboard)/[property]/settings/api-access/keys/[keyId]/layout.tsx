import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/property-access";
import { db } from "@/lib/db/client";

// Outside this page's loading boundary: an unknown key is a real 404, not a "not found" streamed as 200.
export default async function ApiKeyLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ property: string; keyId: string }>;
}) {
  const { property: slug, keyId } = await params;
  const access = await requirePermission(slug, "viewApiAccess");
  const found = await db.apiKey.findFirst({ where: { id: keyId, propertyId: access.property.id }, select: { id: true } });
  if (!found) notFound();
  return children;
}

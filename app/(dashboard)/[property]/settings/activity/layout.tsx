import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/property-access";

// The access check sits above loading.tsx: a role without viewActivity gets a real 403, not a streamed 200.
export default async function ActivityLayout({ children, params }: { children: ReactNode; params: Promise<{ property: string }> }) {
  const { property: slug } = await params;
  await requirePermission(slug, "viewActivity");
  return children;
}

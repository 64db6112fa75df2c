import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Request logs" };

export default function LogsTab() {
  return <EmptyState title="No API requests yet" description="Every call to this property's API will be listed here, with its request and response." />;
}

import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Webhooks" };

export default function WebhooksTab() {
  return <EmptyState title="No webhooks yet" description="Webhooks tell your systems the moment something changes, instead of polling the API." />;
}

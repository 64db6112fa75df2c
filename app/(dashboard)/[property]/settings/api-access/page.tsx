import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "API keys" };

export default function ApiKeysTab() {
  return <EmptyState title="No API keys yet" description="API keys let an integration read and write this property's data through our API." />;
}

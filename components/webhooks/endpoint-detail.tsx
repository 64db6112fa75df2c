"use client";

import Link from "next/link";
import { RefreshError } from "@/components/ui/refresh-error";
import type { EventTypeOption, WebhookEndpointView } from "@/lib/webhooks/list-endpoint-views";
import { EndpointCard, webhooksHref } from "./endpoint-card";
import { EndpointDeliveriesPanel } from "./endpoint-deliveries-panel";
import { useWebhookEndpoint, type DeliveriesPage } from "./use-webhooks";

interface Props {
  slug: string;
  initialEndpoint: WebhookEndpointView;
  catalog: EventTypeOption[];
  canManage: boolean;
  initialDeliveries: { filterString: string; page: DeliveriesPage };
}

/** One endpoint's page: its card, then its recent deliveries. */
export function EndpointDetail({ slug, initialEndpoint, catalog, canManage, initialDeliveries }: Props) {
  const query = useWebhookEndpoint(slug, initialEndpoint);
  const endpoint = query.data;
  return (
    <div className="space-y-6">
      <Link href={webhooksHref(slug)} className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> All endpoints
      </Link>
      <RefreshError query={query} what="this endpoint" />
      <EndpointCard slug={slug} endpoint={endpoint} catalog={catalog} canManage={canManage} detail />
      <EndpointDeliveriesPanel slug={slug} endpoint={endpoint} catalog={catalog} canManage={canManage} initial={initialDeliveries} />
    </div>
  );
}

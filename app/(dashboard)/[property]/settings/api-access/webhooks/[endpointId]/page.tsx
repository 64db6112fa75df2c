import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EndpointDetail } from "@/components/webhooks/endpoint-detail";
import { requirePermission } from "@/lib/auth/property-access";
import { can } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { listEndpointDeliveries } from "@/lib/webhooks/list-endpoint-deliveries";
import { getEndpointView, webhookEventCatalog } from "@/lib/webhooks/list-endpoint-views";
import { deliveryFilters } from "@/lib/webhooks/schemas";

export const metadata: Metadata = { title: "Webhook deliveries" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function WebhookEndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ property: string; endpointId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { property: slug, endpointId } = await params;
  const access = await requirePermission(slug, "viewApiAccess");
  const raw = await searchParams;
  const first = (name: string) => (Array.isArray(raw[name]) ? raw[name][0] : raw[name]);
  const filters = deliveryFilters.parse({ status: first("status"), eventType: first("eventType") });
  // The same filter string the client derives from the URL, so it knows this first page is its own.
  const filterString = new URLSearchParams(
    Object.entries({ status: first("status"), eventType: first("eventType") }).flatMap(([k, v]) => (v ? [[k, v]] : [])),
  ).toString();
  const [endpoint, page] = await orNotFound(() =>
    Promise.all([getEndpointView(access.property.id, endpointId), listEndpointDeliveries(access.property.id, endpointId, filters)]),
  );
  return (
    <EndpointDetail
      slug={slug}
      initialEndpoint={endpoint}
      catalog={webhookEventCatalog()}
      canManage={can.manageApiAccess(access.role)}
      initialDeliveries={{ filterString, page }}
    />
  );
}

/** Another property's endpoint, or a deleted one, is the 404 page. */
async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

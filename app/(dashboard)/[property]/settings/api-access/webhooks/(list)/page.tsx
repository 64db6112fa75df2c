import type { Metadata } from "next";
import { WebhookEndpointsPanel } from "@/components/webhooks/webhook-endpoints-panel";
import { UpgradeCallout } from "@/components/ui/upgrade-callout";
import { requirePermission } from "@/lib/auth/property-access";
import { can } from "@/lib/auth/roles";
import { planIncludesApi } from "@/lib/properties/plan";
import { listEndpointViews, webhookEventCatalog } from "@/lib/webhooks/list-endpoint-views";
import { MAX_ENDPOINTS_PER_PROPERTY } from "@/lib/webhooks/create-endpoint";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksTab({ params }: { params: Promise<{ property: string }> }) {
  const { property: slug } = await params;
  // Checked here as well as in the layout: layouts and pages render concurrently.
  const access = await requirePermission(slug, "viewApiAccess");
  const planAllowsApi = planIncludesApi(access.property);
  return (
    <div className="space-y-6">
      {planAllowsApi ? null : (
        <UpgradeCallout slug={slug} title="Webhooks are on the PRO plan">
          Until then, endpoints cannot be added, and existing endpoints are paused: nothing is sent to them.
        </UpgradeCallout>
      )}
      <WebhookEndpointsPanel
        slug={slug}
        initialData={await listEndpointViews(access.property.id)}
        catalog={webhookEventCatalog()}
        canManage={can.manageApiAccess(access.role)}
        maxEndpoints={MAX_ENDPOINTS_PER_PROPERTY}
        planAllowsApi={planAllowsApi}
      />
    </div>
  );
}

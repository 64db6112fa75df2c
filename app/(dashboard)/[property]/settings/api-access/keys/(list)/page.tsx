import type { Metadata } from "next";
import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";
import { ApiSettingsCard } from "@/components/api-keys/api-settings-card";
import { listApiKeyActivity, listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requirePermission } from "@/lib/auth/property-access";
import { can } from "@/lib/auth/roles";
import { planIncludesApi } from "@/lib/properties/plan";
import { keySparklines } from "@/lib/rollups/usage-reports";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysTab({ params }: { params: Promise<{ property: string }> }) {
  const { property: slug } = await params;
  // Checked here as well as in the layout: layouts and pages render concurrently.
  const access = await requirePermission(slug, "viewApiAccess");
  const [keys, activity, usage] = await Promise.all([
    listApiKeys(access.property.id),
    listApiKeyActivity(access.property.id),
    keySparklines(access.property.id),
  ]);
  const { rateLimitPerSecond, rateLimitBurst, rateLimitPerDay, requirePartnerKey, logRetentionDays } = access.property;
  return (
    <div className="space-y-6">
      <ApiKeysPanel
        slug={slug}
        initialData={{ keys, activity, usage }}
        canManage={can.manageApiAccess(access.role)}
        planAllowsApi={planIncludesApi(access.property)}
      />
      <ApiSettingsCard
        slug={slug}
        settings={{ rateLimitPerSecond, rateLimitBurst, rateLimitPerDay, requirePartnerKey, logRetentionDays }}
        canEdit={can.manageApiLimits(access.role)}
      />
    </div>
  );
}

import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { HealthState } from "@/lib/integration-rules/health/health-state-rule";
import { healthStates } from "@/lib/integration-rules/registry";
import type { IntegrationHealth } from "@/lib/rollups/integration-health";

const TONES: Record<HealthState, BadgeTone> = { healthy: "green", degraded: "amber", failing: "red", paused: "gray", idle: "gray" };
const KINDS: Record<IntegrationHealth["kind"], string> = { key: "API key", partner: "Partner", endpoint: "Webhook endpoint" };

/** Every integration in one line each: its state and why, the troubled ones first. */
export function HealthList({ items, base, links = true }: { items: IntegrationHealth[]; base: string; links?: boolean }) {
  if (items.length === 0)
    return <p className="text-sm text-slate-600">No integrations yet: create an API key or add a webhook endpoint to see them here.</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label="Integrations">
      {items.map((item) => (
        <li
          key={`${item.kind}:${item.id}`}
          className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:gap-3"
          data-testid="integration-health"
        >
          <div className="flex shrink-0 items-center gap-2 sm:w-40">
            <Badge tone={TONES[item.state]}>{healthStates[item.state].label}</Badge>
            <span className="text-xs text-slate-500">{KINDS[item.kind]}</span>
          </div>
          <p className="min-w-0 flex-1 text-sm break-words text-slate-800">{item.sentence}</p>
          {links ? (
            <Link href={`${base}${item.href}`} className="shrink-0 text-sm font-medium text-brand-700 hover:underline">
              {item.kind === "endpoint" ? "Deliveries" : item.kind === "key" ? "Key details" : "Logs"}
              <span className="sr-only"> of {item.name}</span>
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

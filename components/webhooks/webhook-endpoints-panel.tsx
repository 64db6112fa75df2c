"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RefreshError } from "@/components/ui/refresh-error";
import type { EventTypeOption, WebhookEndpointView } from "@/lib/webhooks/list-endpoint-views";
import { EndpointCard } from "./endpoint-card";
import { EndpointFormDialog } from "./endpoint-form-dialog";
import { useWebhookEndpoints } from "./use-webhooks";

interface Props {
  slug: string;
  initialData: WebhookEndpointView[];
  catalog: EventTypeOption[];
  canManage: boolean;
  maxEndpoints: number;
  /** The property's plan includes API access (PRO): the same rule as for API keys. */
  planAllowsApi: boolean;
}

/** The Webhooks tab: a card per endpoint, or an invitation to add the first. */
export function WebhookEndpointsPanel({ slug, initialData, catalog, canManage, maxEndpoints, planAllowsApi }: Props) {
  const query = useWebhookEndpoints(slug, initialData);
  const endpoints = query.data;
  const [adding, setAdding] = useState(false);
  const canAdd = canManage && endpoints.length < maxEndpoints;
  // On the FREE plan the button stays visible but disabled; the page's upgrade call to action explains it.
  const addButton = canAdd ? (
    <Button onClick={() => setAdding(true)} disabled={!planAllowsApi} title={planAllowsApi ? undefined : "Webhooks need the PRO plan"}>
      Add endpoint
    </Button>
  ) : null;

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="max-w-3xl text-sm text-slate-600">
          We POST a signed JSON message to each endpoint when something it subscribed to happens, and retry until it answers 2xx. Each
          request carries the <code className="font-mono text-xs">webhook-id</code>,{" "}
          <code className="font-mono text-xs">webhook-timestamp</code> and <code className="font-mono text-xs">webhook-signature</code>{" "}
          headers of{" "}
          <a href="https://www.standardwebhooks.com" target="_blank" rel="noreferrer" className="text-brand-700 underline">
            Standard Webhooks
          </a>
          .
        </p>
        {endpoints.length > 0 ? addButton : null}
      </div>
      {canManage && endpoints.length >= maxEndpoints ? (
        <p role="note" className="text-sm text-slate-600">
          This property has the maximum of {maxEndpoints} endpoints; delete one to add another.
        </p>
      ) : null}

      <RefreshError query={query} what="the endpoints" />
      {endpoints.length === 0 ? (
        <EmptyState
          title="No webhooks yet"
          description="Webhooks tell your systems the moment a reservation, guest, payment or message changes, instead of polling the API."
          action={addButton}
        />
      ) : (
        <div className="space-y-4">
          {endpoints.map((endpoint) => (
            <EndpointCard key={endpoint.id} slug={slug} endpoint={endpoint} catalog={catalog} canManage={canManage} />
          ))}
        </div>
      )}
      {adding && planAllowsApi ? <EndpointFormDialog slug={slug} catalog={catalog} onClose={() => setAdding(false)} /> : null}
    </div>
  );
}

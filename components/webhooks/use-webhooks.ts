"use client";

import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";
import type { DeliveryDetail, DeliveryRow } from "@/lib/webhooks/list-endpoint-deliveries";
import type { WebhookEndpointView } from "@/lib/webhooks/list-endpoint-views";
import type { WebhookReplayResource } from "@/lib/webhooks/replay-deliveries";

export interface DeliveriesPage {
  rows: DeliveryRow[];
  nextCursor: string | null;
}

// Every webhook query of a property starts with ["webhooks", slug]: one invalidation refreshes them all.
export const webhooksQueryKey = (slug: string) => ["webhooks", slug] as const;

const base = (slug: string) => `/api/dashboard/properties/${encodeURIComponent(slug)}/webhooks`;

/** The endpoints with their 24-hour health; refreshed every 5 s so the cards follow deliveries. */
export function useWebhookEndpoints(slug: string, initialData: WebhookEndpointView[]) {
  return useQuery({
    queryKey: [...webhooksQueryKey(slug), "endpoints"],
    queryFn: async () => (await fetchJson<{ endpoints: WebhookEndpointView[] }>(base(slug))).endpoints,
    initialData,
    refetchInterval: 5_000,
  });
}

export function useWebhookEndpoint(slug: string, initialData: WebhookEndpointView) {
  return useQuery({
    queryKey: [...webhooksQueryKey(slug), "endpoint", initialData.id],
    queryFn: () => fetchJson<WebhookEndpointView>(`${base(slug)}/${encodeURIComponent(initialData.id)}`),
    initialData,
    refetchInterval: 5_000,
  });
}

/** Recent deliveries of an endpoint under the URL's filters, every loaded page refreshed every 3 s. */
export function useWebhookDeliveries(
  slug: string,
  endpointId: string,
  filterString: string,
  initial: { filterString: string; page: DeliveriesPage },
) {
  return useInfiniteQuery({
    queryKey: [...webhooksQueryKey(slug), "deliveries", endpointId, filterString],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(filterString);
      if (pageParam) params.set("cursor", pageParam);
      return fetchJson<DeliveriesPage>(`${base(slug)}/${encodeURIComponent(endpointId)}/deliveries?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // The server rendered the first page for the filters it saw; other filters start from the network.
    initialData: initial.filterString === filterString ? { pages: [initial.page], pageParams: [null] } : undefined,
    // A filter change keeps the rows on screen until the new ones arrive, instead of flashing "Loading…".
    placeholderData: keepPreviousData,
    refetchInterval: 3_000,
  });
}

/** One delivery with its attempts; refreshed every 3 s while it is open, so a resend's attempt appears. */
export function useWebhookDelivery(slug: string, endpointId: string, deliveryId: string) {
  return useQuery({
    queryKey: [...webhooksQueryKey(slug), "delivery", deliveryId],
    queryFn: () =>
      fetchJson<DeliveryDetail>(`${base(slug)}/${encodeURIComponent(endpointId)}/deliveries/${encodeURIComponent(deliveryId)}`),
    refetchInterval: 3_000,
  });
}

/** The endpoint's latest replays; refreshed every 2 s while one is still sending. */
export function useWebhookReplays(slug: string, endpointId: string) {
  return useQuery({
    queryKey: [...webhooksQueryKey(slug), "replays", endpointId],
    queryFn: async () =>
      (await fetchJson<{ replays: WebhookReplayResource[] }>(`${base(slug)}/${encodeURIComponent(endpointId)}/replays`)).replays,
    refetchInterval: (query) => (query.state.data?.some((replay) => replay.status === "running") ? 2_000 : 15_000),
  });
}

/** How many deliveries a replay of the window would send (null until the window is valid). */
export function useReplayCount(slug: string, endpointId: string, window: { since: string; until: string; only: string } | null) {
  return useQuery({
    queryKey: [...webhooksQueryKey(slug), "replay-count", endpointId, window],
    queryFn: () =>
      fetchJson<{ count: number; max: number }>(
        `${base(slug)}/${encodeURIComponent(endpointId)}/replays/count?${new URLSearchParams(window ?? {}).toString()}`,
      ),
    enabled: window !== null,
    placeholderData: keepPreviousData,
  });
}

export function useInvalidateWebhooks(slug: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: webhooksQueryKey(slug) });
}

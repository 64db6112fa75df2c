"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";
import type { ApiKeyActivity, ApiKeyView } from "@/lib/api-keys/list-api-keys";

export interface ApiKeysData {
  keys: ApiKeyView[];
  activity: ApiKeyActivity[];
  /** Each key's requests per hour over the last 24 hours, oldest first (keys with none are absent). */
  usage: Record<string, number[]>;
}

export const apiKeysQueryKey = (slug: string) => ["api-keys", slug] as const;

/** The Keys tab's data; refreshed every 5 s so usage columns move while the page is open. */
export function useApiKeys(slug: string, initialData: ApiKeysData) {
  return useQuery({
    queryKey: apiKeysQueryKey(slug),
    queryFn: async (): Promise<ApiKeysData> => {
      return fetchJson<ApiKeysData>(`/api/dashboard/properties/${encodeURIComponent(slug)}/api-keys`);
    },
    initialData,
    refetchInterval: 5_000,
  });
}

export function useInvalidateApiKeys(slug: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: apiKeysQueryKey(slug) });
}

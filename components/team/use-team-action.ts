"use client";

import { useRouter } from "next/navigation";
import { useActionMutation } from "@/components/ui/use-action-mutation";
import type { ActionResult } from "@/lib/errors/action-result";

/**
 * Runs a Team page action (sudo mode and toasts through useActionMutation) and re-renders the page's
 * server data after a change: the team lists are rendered on the server.
 */
export function useTeamAction<Input, Data extends object>(
  slug: string,
  action: (slug: string, input: Input) => Promise<ActionResult<Data>>,
  options: { successToast?: false } = {},
) {
  const router = useRouter();
  return useActionMutation((input: Input) => action(slug, input), { ...options, onSuccess: () => router.refresh() });
}

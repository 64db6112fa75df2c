"use client";

import { useRouter } from "next/navigation";
import { useActionMutation } from "@/components/ui/use-action-mutation";
import type { ActionResult } from "@/lib/errors/action-result";

/**
 * Runs a Team page action (sudo mode through useActionMutation) and re-renders the page's server data after
 * a change: the team lists are rendered on the server. A success is a toast (unless the dialog shows the result);
 * a refusal is never toasted, since every Team form writes it beside itself.
 */
export function useTeamAction<Input, Data extends object>(
  slug: string,
  action: (slug: string, input: Input) => Promise<ActionResult<Data>>,
  options: { successToast?: false; onSuccess?: () => void } = {},
) {
  const router = useRouter();
  return useActionMutation((input: Input) => action(slug, input), {
    successToast: options.successToast,
    failureToast: false,
    onSuccess: () => {
      router.refresh();
      options.onSuccess?.();
    },
  });
}

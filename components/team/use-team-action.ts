"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useSudo } from "@/components/auth/sudo-provider";
import type { ActionResult } from "@/lib/errors/action-result";

/**
 * Runs a Team page action in sudo mode (asking for the password when it is older than 10 minutes) and
 * re-renders the page's server data after a change: the team lists are rendered on the server.
 */
export function useTeamAction<Input, Data extends object>(
  slug: string,
  action: (slug: string, input: Input) => Promise<ActionResult<Data>>,
) {
  const sudo = useSudo();
  const router = useRouter();
  return useMutation({
    mutationFn: (input: Input) => sudo(() => action(slug, input)),
    onSuccess: (result) => {
      if (result.ok) router.refresh();
    },
  });
}

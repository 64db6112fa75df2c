"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

/** Signed in as someone else: sign out, then sign in as the invited address and come back to the link. */
export function SwitchAccountButton({ callbackUrl }: { callbackUrl: string }) {
  return (
    <Button
      variant="secondary"
      className="w-full"
      onClick={() => signOut({ callbackUrl: `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` })}
    >
      Sign out and switch account
    </Button>
  );
}

"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState, type ReactNode } from "react";
import { SudoProvider } from "@/components/auth/sudo-provider";
import { Toaster } from "@/components/ui/toaster";

export function Providers({ twoFactorEnabled, children }: { twoFactorEnabled: boolean; children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, refetchOnWindowFocus: false } } }));
  return (
    <NuqsAdapter>
      <QueryClientProvider client={client}>
        <SudoProvider twoFactorEnabled={twoFactorEnabled}>{children}</SudoProvider>
        <Toaster />
      </QueryClientProvider>
    </NuqsAdapter>
  );
}

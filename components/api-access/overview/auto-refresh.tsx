"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Renders the page again every `seconds` while the tab is visible, so the charts keep up. */
export function AutoRefresh({ seconds = 60 }: { seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}

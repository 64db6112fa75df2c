import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { PRODUCT_NAME } from "@/lib/ui/product";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: PRODUCT_NAME, template: `%s · ${PRODUCT_NAME}` },
  description: "Run your property, and connect it to the tools around it through our API.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can put the CSP nonce of proxy.ts on its scripts (a page
  // built ahead of time would carry no nonce and have its scripts blocked).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}

import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Property dashboard", template: "%s · Property dashboard" },
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

import type { Metadata } from "next";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Page not found" };

// An unknown path under a known property: without this, Next renders the root 404 outside the shell.
export default function UnknownPropertyPage(): never {
  notFound();
}

import { notFound } from "next/navigation";

// An unknown path under a known property: without this, Next renders the root 404 outside the shell.
export default function UnknownPropertyPage(): never {
  notFound();
}

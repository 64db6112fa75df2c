import "server-only";
// Where people reach the app, for links that leave it (an invitation mail): NEXTAUTH_URL when set
// (behind a proxy it is the only trustworthy answer), else the Host this request came to.
import { headers } from "next/headers";
import { env } from "../env";

export async function publicOrigin(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  // As next-auth does: without AUTH_TRUST_HOST the Host header is not an answer.
  if (!env().AUTH_TRUST_HOST)
    throw new Error("AUTH_TRUST_HOST is false and NEXTAUTH_URL is unset: set NEXTAUTH_URL to the app's public URL.");
  const incoming = await headers();
  const host = incoming.get("host");
  if (!host) throw new Error("The request has no Host header: set NEXTAUTH_URL to the app's public URL.");
  const proto = incoming.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}

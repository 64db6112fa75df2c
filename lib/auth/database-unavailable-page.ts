import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { REQUEST_PATH_HEADER } from "../http/build-security-headers";
import { safeCallbackUrl } from "./safe-callback-url";

/** Sends a page request to /unavailable, which answers 503 and comes back to the page once the database does. */
export async function redirectWhileDatabaseUnavailable(): Promise<never> {
  const path = safeCallbackUrl((await headers()).get(REQUEST_PATH_HEADER) ?? "/");
  redirect(`/unavailable?return=${encodeURIComponent(path)}`);
}

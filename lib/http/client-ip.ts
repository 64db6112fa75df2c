// The client's IP address, as far as we can know it. Next.js 16 gives a route handler no socket address
// (NextRequest.ip is gone; it is "provided by the hosting platform"), and `next start` fills
// X-Forwarded-For with the socket's address only when the client sent none (base-server.js: `??=`),
// so the header alone cannot tell a spoof from the truth. Hence: with TRUST_PROXY_HOPS=0 (the default,
// no proxy in front) the address is unknown (null), never a header the client wrote; with N trusted
// proxies, each appending the address it saw, it is the N-th entry from the right of X-Forwarded-For.
import { isIP } from "node:net";
import { env } from "../env";
import { plainIp } from "./plain-ip";

const globalForHops = globalThis as unknown as { __pmsTrustProxyHops?: number };

/** Overrides TRUST_PROXY_HOPS in this process (tests); null goes back to the setting. */
export function configureTrustProxyHops(hops: number | null): void {
  if (hops === null) delete globalForHops.__pmsTrustProxyHops;
  else globalForHops.__pmsTrustProxyHops = hops;
}

/** How many proxies this deployment says stand in front of it (0: none; no forwarding header is believed). */
export function trustedProxyHops(): number {
  return globalForHops.__pmsTrustProxyHops ?? env().TRUST_PROXY_HOPS;
}

export function clientIp(request: Request, hops?: number): string | null {
  return clientIpFromHeaders(request.headers, hops);
}

/** As clientIp, from the request's headers alone (server actions and next-auth see no Request). */
export function clientIpFromHeaders(headers: Pick<Headers, "get">, hops = trustedProxyHops()): string | null {
  if (hops <= 0) return null;
  const forwarded = headers.get("x-forwarded-for");
  if (!forwarded) return null;
  const entries = forwarded.split(",").map((entry) => entry.trim());
  // Fewer entries than trusted hops: the request did not come through all our proxies.
  const candidate = entries.length >= hops ? entries[entries.length - hops] : undefined;
  // Normalised here, at the source: sessions, sign-in activity, audit events and request logs all store "1.2.3.4".
  return candidate && isIP(candidate) ? plainIp(candidate) : null;
}

// A dual-stack socket reports an IPv4 client as "::ffff:1.2.3.4" (IPv4-mapped IPv6). People read, search
// and compare the plain "1.2.3.4", so that is what we store and show (rows stored with the prefix included).
import { isIPv4 } from "node:net";

const MAPPED = /^::ffff:(?:0:)?/i;

/** "::ffff:1.2.3.4" → "1.2.3.4"; any other address (or null) unchanged. */
export function plainIp<T extends string | null | undefined>(ip: T): T {
  if (!ip) return ip;
  const rest = ip.replace(MAPPED, "");
  return (rest !== ip && isIPv4(rest) ? rest : ip) as T;
}

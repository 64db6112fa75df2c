// Server-side request forgery guard: a webhook URL may not reach loopback, private, link-local (cloud
// metadata lives at 169.254.169.254), carrier-grade NAT, multicast or otherwise reserved addresses.
// Checked when an endpoint is saved and again for every connection (DNS answers can change), unless
// private networks are allowed: WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true (local development and the demo),
// or configurePrivateNetworks(true) (the tests).
import dns from "node:dns";
import type { LookupAddress, LookupAllOptions, LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";
import { env } from "../../env";
import { AppError } from "../../errors/app-error";

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

const globalForGuard = globalThis as unknown as { __pmsAllowPrivateNetworks?: boolean };

/** Sets this process's policy, overriding WEBHOOKS_ALLOW_PRIVATE_NETWORKS; undefined goes back to it. */
export function configurePrivateNetworks(allowed: boolean | undefined): void {
  globalForGuard.__pmsAllowPrivateNetworks = allowed;
}

/** Whether webhook URLs may reach private networks: `allowed` when given, else as configured, else the variable. */
export function privateNetworksAllowed(allowed?: boolean): boolean {
  return allowed ?? globalForGuard.__pmsAllowPrivateNetworks ?? env().WEBHOOKS_ALLOW_PRIVATE_NETWORKS ?? false;
}

/** Why an IP address may not be called, or null when it is public unicast (or not an IP address). */
export function forbiddenAddressReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return null;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range !== "unicast") return `${parsed.toString()} is a ${describeRange(range)} address`;
  // IPv6 outside global unicast (2000::/3), e.g. the deprecated IPv4-compatible ::a.b.c.d, is refused.
  if (parsed.kind() === "ipv6" && !parsed.match(GLOBAL_UNICAST_V6)) return `${parsed.toString()} is a reserved address`;
  return null;
}

function describeRange(range: string): string {
  switch (range) {
    case "loopback":
      return "loopback";
    case "private":
    case "uniqueLocal":
      return "private network";
    case "linkLocal":
      return "link-local (cloud metadata)";
    case "carrierGradeNat":
      return "carrier-grade NAT";
    default:
      return `reserved (${range})`;
  }
}

const MAX_URL_LENGTH = 2048;
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

function reject(message: string): never {
  throw new AppError("URL_NOT_ALLOWED", message, { url: [message] });
}

/**
 * Checks a URL an endpoint is saved with: absolute http(s), https unless private networks are
 * allowed, no credentials, and every address the host resolves to public. Returns the normalised URL.
 */
export async function assertDeliverableUrl(raw: string, options: { allowPrivate?: boolean; resolve?: Resolver } = {}): Promise<string> {
  const allowPrivate = privateNetworksAllowed(options.allowPrivate);
  if (raw.length > MAX_URL_LENGTH) reject(`The URL is longer than ${MAX_URL_LENGTH} characters.`);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return reject("Enter an absolute URL such as https://example.com/webhooks.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") reject("The URL must start with https://.");
  if (url.protocol === "http:" && !allowPrivate) reject("The URL must use https://.");
  if (url.username || url.password) reject("The URL may not contain a user name or password.");
  if (url.hash) reject("The URL may not contain a fragment (#…).");
  if (url.port === "0") reject("The URL's port must be between 1 and 65535.");
  if (url.toString().length > MAX_URL_LENGTH) reject(`The URL is longer than ${MAX_URL_LENGTH} characters once encoded.`);
  if (!allowPrivate) await assertPublicHost(url.hostname, options.resolve ?? systemResolver);
  return url.toString();
}

async function assertPublicHost(hostname: string, resolve: Resolver): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host)) {
    const reason = forbiddenAddressReason(host);
    if (reason) reject(`Webhooks cannot be sent to ${reason}.`);
    return;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    return reject(`The host name ${host} does not resolve.`);
  }
  if (addresses.length === 0) reject(`The host name ${host} does not resolve.`);
  // The message names no address: what an internal name resolves to is not ours to tell.
  if (addresses.some(({ address }) => forbiddenAddressReason(address) !== null)) {
    reject(`${host} resolves to a loopback, private, link-local or reserved address; webhooks are only sent to public addresses.`);
  }
}

export class ForbiddenAddressError extends Error {
  readonly code = "EFORBIDDENADDRESS";
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request: resolves, refuses the connection when any answer is forbidden, and
 * connects to the address it checked (no second resolution a rebinding DNS server could change).
 */
export function guardedLookup(resolve: Resolver = systemResolver) {
  return (hostname: string, options: LookupOptions | LookupAllOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (addresses) => {
        const bad = addresses.some((a) => forbiddenAddressReason(a.address) !== null);
        if (bad || addresses.length === 0) {
          callback(new ForbiddenAddressError(bad ? `${hostname} resolves to a non-public address` : `${hostname} does not resolve`), "", 4);
          return;
        }
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        const list = wanted.length > 0 ? wanted : addresses;
        if (options.all) callback(null, list);
        else callback(null, list[0]!.address, list[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 4),
    );
  };
}

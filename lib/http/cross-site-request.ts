// CSRF: a request that changes something (a server action, any other POST to a page) must come from a
// page of this site. Browsers send Origin with every such request, so one without it, with "null", or
// with another origin is refused before Next runs the action. Next's own check compares the Origin's
// host only, lets a missing Origin through, and believes any X-Forwarded-Host the client wrote; this one
// compares scheme and host with the site's public origin, and believes forwarding headers only when the
// deployment says a proxy writes them (TRUST_PROXY_HOPS > 0). /api is left alone: /api/v1 takes API
// keys (no cookies), the dashboard's JSON routes only read, and next-auth's POSTs carry their own CSRF token.
import { NextResponse } from "next/server";
import { isHttpsRequest } from "./build-security-headers";

/** Methods that never change anything here: no origin check. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface SiteOriginSettings {
  /** NEXTAUTH_URL, when set: the only origin people reach the app at. */
  configuredUrl?: string;
  /** TRUST_PROXY_HOPS > 0: a proxy of ours writes X-Forwarded-Host and X-Forwarded-Proto. */
  trustProxy: boolean;
}

const firstEntry = (value: string | null) => value?.split(",")[0]?.trim() || null;

/** The origin this request was sent to, as far as this deployment can know it; null when it cannot. */
export function siteOrigin(url: string, headers: Headers, settings: SiteOriginSettings): string | null {
  if (settings.configuredUrl) return new URL(settings.configuredUrl).origin;
  // Next fills X-Forwarded-Host from Host when the client sent none, so the header alone proves nothing.
  const host = (settings.trustProxy ? firstEntry(headers.get("x-forwarded-host")) : null) ?? headers.get("host");
  if (!host) return null;
  // The scheme as the security headers judge it (a cross-site page cannot set X-Forwarded-Proto on a victim's request).
  const scheme = isHttpsRequest(url, headers) ? "https" : "http";
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

/** Why this request must not run as a same-site change (a short reason for the log), or null when it may. */
export function crossSiteRefusal(request: { method: string; url: string; headers: Headers }, settings: SiteOriginSettings): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const { pathname } = new URL(request.url);
  if (pathname === "/api" || pathname.startsWith("/api/")) return null;
  if (request.headers.get("sec-fetch-site") === "cross-site") return "Sec-Fetch-Site is cross-site";
  const origin = request.headers.get("origin");
  if (origin === null) return "no Origin header";
  if (origin === "null") return "an opaque (null) Origin";
  const expected = siteOrigin(request.url, request.headers, settings);
  if (!expected) return "no Host to compare the Origin with";
  let sent: string;
  try {
    sent = new URL(origin).origin;
  } catch {
    return "a malformed Origin";
  }
  return sent === expected ? null : `Origin ${sent.slice(0, 100)} is not ${expected}`;
}

/** What a refused request gets: no honest user ever sees it, so it is short and plain. */
export function crossSiteResponse(): NextResponse {
  return new NextResponse("Cross-site request refused.", {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

// Runs before every request: adds the security headers (CSP with a per-request script nonce, no framing,
// nosniff, referrer policy, HSTS over HTTPS), answers 400 for paths no route can decode, 405 for methods
// nothing here serves, and 403 for a change to a page (a server action) sent from another site.
// It never reads the body and is never an authentication check: routes and pages do their own.
import { NextResponse, type NextRequest } from "next/server";
import {
  NONCE_HEADER,
  REQUEST_PATH_HEADER,
  buildContentSecurityPolicy,
  buildSecurityHeaders,
  isHttpsRequest,
  newNonce,
} from "./lib/http/build-security-headers";
import { markClientHeaders } from "./lib/http/client-headers";
import { trustedProxyHops } from "./lib/http/client-ip";
import { crossSiteRefusal, crossSiteResponse } from "./lib/http/cross-site-request";
import { refuseUnservedMethod } from "./lib/http/refuse-unserved-method";
import { rejectMalformedPath } from "./lib/http/reject-malformed-path";
import { env } from "./lib/env";

// Next inlines NODE_ENV at build time (not a setting of ours, so not in lib/env.ts): development needs 'unsafe-eval' for React's dev tooling.
const dev = process.env.NODE_ENV === "development";

function withHeaders<T extends Response>(response: T, headers: Record<string, string>): T {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest) {
  const https = isHttpsRequest(request.url, request.headers);
  // The raw path, still percent-encoded: nextUrl may already have been normalised.
  const { pathname } = new URL(request.url);
  const rejected = rejectMalformedPath(pathname);
  if (rejected) return withHeaders(rejected, buildSecurityHeaders({ https }));
  const unserved = refuseUnservedMethod(request.method, pathname);
  if (unserved) return withHeaders(unserved, buildSecurityHeaders({ https }));
  const crossSite = crossSiteRefusal(request, { configuredUrl: env().NEXTAUTH_URL, trustProxy: trustedProxyHops() > 0 });
  if (crossSite) {
    console.warn(`refused ${request.method} ${pathname.slice(0, 200)}: ${crossSite}`);
    return withHeaders(crossSiteResponse(), buildSecurityHeaders({ https }));
  }

  // API answers are JSON: nothing in them may run, so they get the CSP that allows nothing and keep the request as sent.
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    // Only the proxy says which page was asked for: a client's own x-pms-path never reaches a route.
    const apiHeaders = new Headers(request.headers);
    apiHeaders.delete(REQUEST_PATH_HEADER);
    // Named before Next adds its own (our response headers, x-forwarded-*): the request log keeps only these.
    markClientHeaders(apiHeaders);
    return withHeaders(NextResponse.next({ request: { headers: apiHeaders } }), buildSecurityHeaders({ https }));
  }

  const nonce = newNonce();
  // Next reads the nonce from the request's CSP header and puts it on its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set(REQUEST_PATH_HEADER, pathname + new URL(request.url).search);
  requestHeaders.set("Content-Security-Policy", buildContentSecurityPolicy({ nonce, dev, https }));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  return withHeaders(response, buildSecurityHeaders({ nonce, dev, https }));
}

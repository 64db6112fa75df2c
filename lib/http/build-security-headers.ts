// The security headers every response carries, built by proxy.ts for each request.
// Pages get a CSP with a fresh script nonce (Next puts it on its own scripts);
// API and other non-HTML answers get a CSP that allows nothing at all.

/** The request header through which proxy.ts hands the nonce to pages. */
export const NONCE_HEADER = "x-nonce";
/** The page's path and query, set by the proxy for the page to read (server components see no URL). */
export const REQUEST_PATH_HEADER = "x-pms-path";

/** 128 random bits, base64: a new one for every request, so an injected script cannot guess it. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Whether a nonce is safe to print inside an HTML attribute (only base64 characters). */
export function isValidNonce(value: string | null | undefined): value is string {
  return typeof value === "string" && /^[A-Za-z0-9+/]{16,}={0,2}$/.test(value);
}

export interface CspOptions {
  /** The script nonce for an HTML page; absent for API answers, which allow nothing. */
  nonce?: string;
  /** React's development build evaluates strings to rebuild server stacks; production never does. */
  dev?: boolean;
  https?: boolean;
}

export function buildContentSecurityPolicy({ nonce, dev = false, https = false }: CspOptions): string {
  if (!nonce) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': the nonce'd scripts (Next's runtime, Scalar's bundle) may load their own chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Radix, React style attributes and Scalar inject styles at run time: styles cannot take a nonce there.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  // Only over HTTPS: on plain http://localhost it would send every asset to a port nothing listens on.
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Whether the client reached us over HTTPS, directly or through a TLS-terminating proxy. */
export function isHttpsRequest(url: string, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  return new URL(url).protocol === "https:";
}

export function buildSecurityHeaders(options: CspOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": buildContentSecurityPolicy(options),
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
  // Browsers ignore HSTS over plain HTTP, and sending it there would pin a host that has no certificate.
  if (options.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

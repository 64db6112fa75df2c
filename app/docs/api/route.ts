// GET /docs/api: the API reference, rendered in the browser by Scalar from /api/v1/openapi.json.
// Scalar's script is served from our own origin (no CDN) and told not to fetch its web fonts.
// Nothing leaves our origin: no telemetry, no hosted AI agent or MCP upsell, no web fonts.
// Both script tags carry the request's CSP nonce (set by proxy.ts), so the page runs under the strict CSP.
import { NONCE_HEADER, isValidNonce } from "@/lib/http/build-security-headers";
import { PRODUCT_NAME } from "@/lib/ui/product";

const CONFIG = {
  url: "/api/v1/openapi.json",
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: "never",
  defaultOpenAllTags: true,
  metaData: { title: "API reference" },
};

const page = (nonceAttribute: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>API reference · ${PRODUCT_NAME}</title>
  </head>
  <body>
    <noscript>The API reference needs JavaScript. The raw document is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</noscript>
    <div id="app"></div>
    <script${nonceAttribute} src="/docs/api/scalar.js"></script>
    <script${nonceAttribute}>Scalar.createApiReference("#app", ${JSON.stringify(CONFIG)});</script>
  </body>
</html>`;

export function GET(request: Request) {
  const nonce = request.headers.get(NONCE_HEADER);
  const html = page(isValidNonce(nonce) ? ` nonce="${nonce}"` : "");
  // A new nonce on every request: no cache may hand one response to another request.
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

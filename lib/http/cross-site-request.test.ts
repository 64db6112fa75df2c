import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "../../proxy";
import { configureTrustProxyHops } from "./client-ip";
import { crossSiteRefusal, type SiteOriginSettings } from "./cross-site-request";

afterEach(() => configureTrustProxyHops(null));

const direct: SiteOriginSettings = { trustProxy: false };
const behindProxy: SiteOriginSettings = { trustProxy: true };

/** A server action as the browser sends it: a POST to the page with a Next-Action header. */
function action(headers: Record<string, string>, url = "http://localhost:3000/grand-hotel/reservations") {
  return { method: "POST", url, headers: new Headers({ "next-action": "7f00aa", ...headers }) };
}

describe("crossSiteRefusal", () => {
  const cases: { name: string; request: ReturnType<typeof action>; settings?: SiteOriginSettings; refused: boolean }[] = [
    { name: "no Origin", request: action({ host: "localhost:3000" }), refused: true },
    { name: "an opaque null Origin", request: action({ host: "localhost:3000", origin: "null" }), refused: true },
    { name: "a malformed Origin", request: action({ host: "localhost:3000", origin: "not a url" }), refused: true },
    { name: "a foreign Origin", request: action({ host: "localhost:3000", origin: "https://evil.example" }), refused: true },
    {
      name: "a foreign Origin with a matching X-Forwarded-Host, no proxy trusted",
      request: action({ host: "localhost:3000", origin: "http://evil.example", "x-forwarded-host": "evil.example" }),
      refused: true,
    },
    {
      name: "an https Origin against an http host",
      request: action({ host: "localhost:3000", origin: "https://localhost:3000" }),
      refused: true,
    },
    { name: "the same host on another port", request: action({ host: "localhost:3000", origin: "http://localhost:3001" }), refused: true },
    {
      name: "same origin but Sec-Fetch-Site: cross-site",
      request: action({ host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "cross-site" }),
      refused: true,
    },
    {
      name: "an http Origin behind a TLS proxy",
      request: action({
        host: "internal:3000",
        origin: "http://pms.example",
        "x-forwarded-host": "pms.example",
        "x-forwarded-proto": "https",
      }),
      settings: behindProxy,
      refused: true,
    },
    {
      name: "another site than NEXTAUTH_URL, even naming itself in Host",
      request: action({ host: "evil.example", origin: "http://evil.example" }),
      settings: { configuredUrl: "https://pms.example/", trustProxy: false },
      refused: true,
    },
    { name: "the same origin", request: action({ host: "localhost:3000", origin: "http://localhost:3000" }), refused: false },
    {
      name: "the same origin, Sec-Fetch-Site: same-origin",
      request: action({ host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }),
      refused: false,
    },
    {
      name: "the same origin behind a trusted TLS proxy",
      request: action({
        host: "internal:3000",
        origin: "https://pms.example",
        "x-forwarded-host": "pms.example",
        "x-forwarded-proto": "https",
      }),
      settings: behindProxy,
      refused: false,
    },
    {
      name: "NEXTAUTH_URL's origin",
      request: action({ host: "internal:3000", origin: "https://pms.example" }),
      settings: { configuredUrl: "https://pms.example/", trustProxy: false },
      refused: false,
    },
    {
      name: "a GET from anywhere (reads change nothing)",
      request: {
        method: "GET",
        url: "http://localhost:3000/grand-hotel/reservations",
        headers: new Headers({ origin: "https://evil.example" }),
      },
      refused: false,
    },
    {
      name: "next-auth's own POSTs (they carry their CSRF token)",
      request: action({ host: "localhost:3000" }, "http://localhost:3000/api/auth/callback/credentials"),
      refused: false,
    },
  ];
  for (const { name, request, settings, refused } of cases) {
    it(`${refused ? "refuses" : "lets through"} ${name}`, () => {
      const reason = crossSiteRefusal(request, settings ?? direct);
      if (refused) expect(reason).toEqual(expect.any(String));
      else expect(reason).toBeNull();
    });
  }
});

describe("proxy() and a server action", () => {
  const post = (headers: Record<string, string>) =>
    new NextRequest("http://localhost:3000/grand-hotel/reservations", {
      method: "POST",
      headers: { host: "localhost:3000", "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8", ...headers },
      body: "[]",
    });

  it("answers 403 in plain words, before Next runs it, when the Origin is missing or foreign", async () => {
    for (const headers of [{}, { origin: "http://evil.example", "x-forwarded-host": "evil.example" }] as Record<string, string>[]) {
      const answer = proxy(post(headers));
      expect(answer.status).toBe(403);
      expect(answer.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await answer.text()).toBe("Cross-site request refused.");
      expect(answer.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("lets a same-origin action through, and behind a trusted proxy believes its X-Forwarded-Host", () => {
    expect(proxy(post({ origin: "http://localhost:3000" })).headers.get("x-middleware-next")).toBe("1");
    const proxied = {
      host: "10.0.0.5:3000",
      origin: "https://pms.example",
      "x-forwarded-host": "pms.example",
      "x-forwarded-proto": "https",
    };
    expect(proxy(post(proxied)).status).toBe(403);
    configureTrustProxyHops(1);
    expect(proxy(post(proxied)).headers.get("x-middleware-next")).toBe("1");
  });
});

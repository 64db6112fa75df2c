import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, buildSecurityHeaders, isHttpsRequest, isValidNonce, newNonce } from "./build-security-headers";
import { hasMalformedSegment, rejectMalformedPath } from "./reject-malformed-path";

const directives = (csp: string) => new Map(csp.split(/;\s*/).map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("buildSecurityHeaders", () => {
  it("gives pages a nonce-based CSP that forbids framing, plus nosniff and a referrer policy", () => {
    const nonce = newNonce();
    const headers = buildSecurityHeaders({ nonce });
    const csp = directives(headers["Content-Security-Policy"] ?? "");
    expect(csp.get("script-src")).toBe(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'none'");
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
  });

  it("adds HSTS and upgrade-insecure-requests only over HTTPS, and 'unsafe-eval' only in development", () => {
    const headers = buildSecurityHeaders({ nonce: newNonce(), https: true });
    expect(headers["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(directives(headers["Content-Security-Policy"] ?? "").has("upgrade-insecure-requests")).toBe(true);
    expect(buildContentSecurityPolicy({ nonce: "abcdefghijklmnopqrstuv==" })).not.toContain("unsafe-eval");
    expect(buildContentSecurityPolicy({ nonce: "abcdefghijklmnopqrstuv==", dev: true })).toContain("'unsafe-eval'");
  });

  it("gives API answers a CSP that allows nothing", () => {
    const headers = buildSecurityHeaders({});
    expect(headers["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  });

  it("makes a new 128-bit nonce each time, and accepts only base64 nonces", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(isValidNonce(nonce)).toBe(true);
    for (const bad of [null, undefined, "", "short", `abcdefghijklmnop" onload="x`, "abcdefghijklmnop<"])
      expect(isValidNonce(bad)).toBe(false);
  });

  it("tells HTTPS from the forwarded protocol, else from the URL", () => {
    expect(isHttpsRequest("http://app.internal/login", new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttpsRequest("http://app.internal/login", new Headers({ "x-forwarded-proto": "HTTPS, http" }))).toBe(true);
    expect(isHttpsRequest("https://app.example/login", new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(isHttpsRequest("https://app.example/login", new Headers())).toBe(true);
    expect(isHttpsRequest("http://localhost:3100/login", new Headers())).toBe(false);
  });
});

describe("rejectMalformedPath", () => {
  it("answers the API's 400 JSON error with a request id for a path segment that is not valid percent-encoding", async () => {
    for (const path of ["/api/v1/reservations/%E0%A4%A", "/api/v1/reservations/%ff%fe", "/api/v1/reservations/%/cancel"]) {
      const response = rejectMalformedPath(path);
      expect(response?.status, path).toBe(400);
      const requestId = response?.headers.get("X-Request-Id");
      expect(requestId).toMatch(/^req_[0-9a-f]{24}$/);
      expect(await response?.json()).toEqual({ status: "error", code: "VALIDATION_ERROR", message: expect.any(String), requestId });
    }
  });

  it("answers 400 for a dashboard path too, and lets good paths through", () => {
    expect(rejectMalformedPath("/grand-hotel/%E0%A4%A/reservations")?.status).toBe(400);
    for (const good of ["/api/v1/reservations/res_123", "/grand-hotel/reservations", "/api/v1/guests/caf%C3%A9", "/", "/%2F"]) {
      expect(rejectMalformedPath(good), good).toBeNull();
    }
    expect(hasMalformedSegment("/a/%zz")).toBe(true);
  });

  it("answers 400 for a page path holding a NUL, which the database could not look up, and leaves the API's to its routes", () => {
    expect(rejectMalformedPath("/%00/reservations")?.status).toBe(400);
    expect(rejectMalformedPath("/grand-hotel/settings/api-access/webhooks/we%00x")?.status).toBe(400);
    expect(rejectMalformedPath("/api/v1/webhook-endpoints/a%00b")).toBeNull();
  });
});

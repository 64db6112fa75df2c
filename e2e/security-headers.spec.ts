import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { OPEN_REDIRECT_PAYLOADS } from "../test/open-redirect-payloads";

// Every CSP violation the browser reports on a page: a page that works under the policy reports none.
function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

function expectSecurityHeaders(response: Response | APIResponse | null) {
  const headers = response?.headers() ?? {};
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  // Served over plain HTTP here: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
  return headers;
}

function expectPageCsp(response: Response | APIResponse | null) {
  const csp = expectSecurityHeaders(response)["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  return csp.match(/'nonce-([^']+)'/)?.[1];
}

test("the sign-in page and the dashboard carry a nonce CSP and work under it", async ({ page }) => {
  const violations = watchCspViolations(page);
  const login = await page.goto("/login");
  const nonce = expectPageCsp(login);
  // A new nonce for every request.
  expect(expectPageCsp(await page.request.get("/login"))).not.toBe(nonce);

  await page.getByLabel("Email").fill("manager@demo.test");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/grand-hotel\/reservations/);

  const dashboard = await page.goto("/grand-hotel/settings/api-access/keys");
  expectPageCsp(dashboard);
  await expect(page.getByRole("link", { name: /API reference/ })).toBeVisible();
  // Client-side navigation needs the hydrated app: the scripts ran.
  await page.goto("/grand-hotel/reservations");
  await expect(page.getByRole("heading").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("the API reference renders its operations under the CSP, and its copy buttons run", async ({ page, context }) => {
  const violations = watchCspViolations(page);
  const response = await page.goto("/docs/api");
  const nonce = expectPageCsp(response);
  // Every script of the page carries the request's nonce.
  const scripts = (await response?.text())?.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  await expect(page.getByRole("heading", { level: 1, name: "Property API" })).toBeVisible();
  for (const summary of ["List reservations", "Create a reservation", "Check a guest in"]) {
    await expect(page.getByRole("heading", { name: summary })).toBeVisible();
  }
  // The page's own script runs: a copy button copies the example.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const example = page.locator("#createReservation");
  await example.getByRole("button", { name: /Copy/ }).click();
  await expect(example.getByRole("button", { name: /Cop/ })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("/api/v1/reservations");
  expect(violations).toEqual([]);
});

test("another site cannot show the dashboard in a frame", async ({ page, baseURL }) => {
  const violations = watchCspViolations(page);
  // A real server on another origin of this machine: Chrome refuses frames from "public" (mocked) pages to localhost first.
  const framer = createServer((_, res) => {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(`<!doctype html><iframe id="victim" src="${baseURL}/login" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => framer.listen(0, "127.0.0.1", resolve));
  try {
    await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`);
    await expect.poll(() => violations.some((text) => text.includes("frame-ancestors"))).toBe(true);
    await expect(page.frameLocator("#victim").getByLabel("Email")).toHaveCount(0);
  } finally {
    framer.close();
  }
});

test("API answers keep their headers and gain the security headers", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(expectSecurityHeaders(response)["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  );
  const unauthorized = await request.get("/api/v1/reservations");
  expect(unauthorized.status()).toBe(401);
  expect(unauthorized.headers()["x-request-id"]).toMatch(/^req_/);
  expectSecurityHeaders(unauthorized);
});

test("a path segment that is not valid percent-encoding gets a 400, not a 500", async ({ request }) => {
  for (const path of ["/api/v1/reservations/%E0%A4%A", "/api/v1/reservations/%ff%fe", "/api/v1/reservations/%ff%fe/cancel"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    const body = await response.json();
    expect(body).toEqual({
      status: "error",
      code: "VALIDATION_ERROR",
      message: expect.any(String),
      requestId: expect.stringMatching(/^req_/),
    });
    expect(response.headers()["x-request-id"]).toBe(body.requestId);
    expectSecurityHeaders(response);
  }
  const dashboard = await request.get("/grand-hotel/%E0%A4%A");
  expect(dashboard.status()).toBe(400);
});

test("a signed-in user with a crafted callbackUrl stays on our site", async ({ page }) => {
  await page.route("**://evil.example/**", (route) => route.fulfill({ contentType: "text/html", body: "<h1>evil</h1>" }));
  // Signing in from a crafted link: the form sends the user home, not to evil.example.
  await page.goto("/login?callbackUrl=/%09/evil.example/");
  await page.getByLabel("Email").fill("manager@demo.test");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/grand-hotel\/reservations/);

  // Already signed in: the page redirects at once, on our own site, and never fails; every payload of the corpus.
  const ours = new URL(page.url()).origin;
  for (const callbackUrl of OPEN_REDIRECT_PAYLOADS) {
    const response = await page.request.get(`/login?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
    expect(response.status(), callbackUrl).toBeLessThan(500);
    const location = response.headers()["location"] ?? "";
    expect(location, callbackUrl).toMatch(/^\/(?![/\\])/);
    expect(new URL(location, ours).origin, callbackUrl).toBe(ours);
  }
  // And a real browser following a sample of them (each kind of dot segment): it never leaves the site.
  for (const callbackUrl of [
    "/.//evil.example/",
    "/..//evil.example/",
    "/x/..//evil.example/",
    "/%2e//evil.example/",
    "/./%2Fevil.example",
  ]) {
    await page.goto(`/login?callbackUrl=${callbackUrl}`);
    expect(new URL(page.url()).origin, callbackUrl).toBe(ours);
  }
});

test("pages with nothing per-request in them (not found, no property yet) run their scripts under the CSP too", async ({ page }) => {
  const violations = watchCspViolations(page);
  for (const url of ["/no-property", "/a/path/that/matches/nothing"]) {
    const response = await page.goto(url);
    expectPageCsp(response);
    await page.waitForLoadState("networkidle");
  }
  expect(violations).toEqual([]);
});

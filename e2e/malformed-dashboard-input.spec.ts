import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a manager's malformed filters get a 400 from the JSON routes and an unfiltered page, never an error page", async ({ page }) => {
  await signIn(page, "owner@demo.test");
  const base = "/api/dashboard/properties/grand-hotel/request-logs";
  for (const url of [
    `${base}?path=a%00b`,
    `${base}?range=custom&from=0000-01-01`,
    `${base}/export?range=custom&to=0000-12-31`,
    `${base}/export?key=%00`,
  ]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(400);
    expect(await response.json()).toMatchObject({ status: "error", code: "VALIDATION_ERROR", requestId: expect.stringMatching(/^req_/) });
  }
  for (const url of [
    "/grand-hotel/settings/api-access/logs?range=custom&from=0000-01-01&path=a%00b",
    "/grand-hotel/reservations?q=a%00b",
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
  }
  // A NUL in a page's path is refused before any lookup (the database cannot hold one), never a 500.
  for (const url of ["/%00/reservations", "/grand-hotel/settings/api-access/webhooks/%00"]) {
    expect((await page.request.get(url)).status(), url).toBe(400);
  }
});

test("an unknown /api path answers the API's JSON 404, signed in or not, never a page or a redirect", async ({ page, request }) => {
  await signIn(page, "owner@demo.test");
  for (const client of [request, page.request]) {
    const response = await client.get("/api/dashboard/no-such-route", { maxRedirects: 0 });
    expect(response.status()).toBe(404);
    expect(await response.json()).toMatchObject({ status: "error", code: "NOT_FOUND", requestId: expect.stringMatching(/^req_/) });
  }
});

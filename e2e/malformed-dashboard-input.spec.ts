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
});

import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signIn } from "./helpers";

const curlOf = (page: import("@playwright/test").Page, operationId: string) => page.locator(`#${operationId} pre`).innerText();

test("the API reference lists every endpoint from our own origin, passes axe whole, and fits a phone", async ({ page }) => {
  const external: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.hostname !== "localhost" && url.protocol.startsWith("http")) external.push(request.url());
  });
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "Property API" })).toBeVisible();
  for (const summary of [
    "List reservations",
    "Create a reservation",
    "Check a guest in",
    "Send a message to the guest",
    "List the property's staff",
  ]) {
    await expect(page.getByRole("heading", { name: summary })).toBeVisible();
  }
  // Signed out, the examples say what to fill in.
  expect(await curlOf(page, "cancelReservation")).toContain("/reservations/{reservationId}/cancel");
  expect(external, "no CDN or third-party requests").toEqual([]);

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}`)).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByText("Contents", { exact: true }).click();
  await page
    .getByRole("navigation", { name: /small screen/ })
    .getByRole("link", { name: "Check a guest in" })
    .click();
  await expect(page.getByRole("heading", { name: "Check a guest in" })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
});

test("a signed-in reader's examples name their property's rows, with a fresh Idempotency-Key each view and no fixed traceparent", async ({
  page,
}) => {
  await signIn(page, "manager@demo.test");
  await page.goto("/docs/api");
  await expect(page.getByText(/The examples act on/)).toContainText("Grand Hotel");
  const booking = await curlOf(page, "createReservation");
  expect(booking).toMatch(/"roomId": "gh_room_\d+"/);
  expect(booking).toMatch(/"guestId": "gh_guest_\d+"/);
  expect(booking).not.toMatch(/\{[a-zA-Z]+\}/);
  expect(await curlOf(page, "cancelReservation")).toMatch(/\/reservations\/gh_res_\d+\/cancel/);
  const key = (text: string) => /Idempotency-Key: ([0-9a-f-]{36})/.exec(text)?.[1];
  expect(key(booking)).toBeTruthy();
  expect(await page.locator("pre").allInnerTexts()).not.toContainEqual(expect.stringContaining("traceparent"));

  await page.reload();
  expect(key(await curlOf(page, "createReservation"))).not.toBe(key(booking));
});

test("API Access links to the API reference, and the reference leads back to the dashboard", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.goto("/grand-hotel/settings/api-access/keys");
  await expect(page.getByRole("link", { name: /API reference/ })).toHaveAttribute("href", "/docs/api");
  await page.goto("/docs/api");
  await expect(page).toHaveTitle("API reference · Property dashboard");
  await page.getByRole("banner").getByRole("link", { name: "← Back to dashboard" }).click();
  await expect(page).toHaveURL(/\/grand-hotel\/reservations$/);
});

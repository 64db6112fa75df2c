import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signIn } from "./helpers";

test("the API reference renders from our own bundle and lists the endpoints", async ({ page }) => {
  const external: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.hostname !== "localhost" && url.protocol.startsWith("http")) external.push(request.url());
  });
  await page.goto("/docs/api");
  await expect(page.getByText("Property API").first()).toBeVisible({ timeout: 30_000 });
  for (const summary of [
    "List reservations",
    "Create a reservation",
    "Check a guest in",
    "Send a message to the guest",
    "List the property's staff",
  ]) {
    await expect(page.getByText(summary).first()).toBeVisible();
  }
  expect(external, "no CDN or third-party requests").toEqual([]);
});

test("API Access links to the API reference", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.goto("/grand-hotel/settings/api-access/keys");
  await expect(page.getByRole("link", { name: /API reference/ })).toHaveAttribute("href", "/docs/api");
});

test("the API reference leads back to the dashboard, and its header passes axe", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.goto("/docs/api");
  await expect(page.getByText("List reservations").first()).toBeVisible({ timeout: 30_000 });
  const back = page.getByRole("banner").getByRole("link", { name: "← Back to dashboard" });
  await expect(back).toBeVisible();
  await expect(page).toHaveTitle("API reference · Property dashboard");
  // Scoped to our own bar: Scalar 1.72's own markup fails axe (icon-only buttons without a name, which no config or CSS can
  // name, and method badges and its search placeholder below 4.5:1 contrast), so axe checks the chrome we own.
  const results = await new AxeBuilder({ page }).include(".docs-bar").analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await back.click();
  await expect(page).toHaveURL(/\/grand-hotel\/reservations$/);
});

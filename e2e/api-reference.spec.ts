import { expect, test } from "@playwright/test";
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
  await page.goto("/grand-hotel/settings/api-access");
  await expect(page.getByRole("link", { name: /API reference/ })).toHaveAttribute("href", "/docs/api");
});

import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("/favicon.ico is the product's icon, not a property", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
});

test("a skip link leads past the navigation to the page's content", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.goto("/grand-hotel/reservations");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await skip.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test("every tab's title names the page, the property and the product", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  const titles: [string, string][] = [
    ["/grand-hotel/reservations", "Reservations · Grand Hotel · Property dashboard"],
    ["/grand-hotel/settings/api-access/logs", "Request logs · Grand Hotel · Property dashboard"],
    ["/seaside-hostel/settings/team", "Team · Seaside Hostel · Property dashboard"],
    ["/grand-hotel/no-such-page", "Page not found · Grand Hotel · Property dashboard"],
    ["/account/security", "Account security · Property dashboard"],
  ];
  for (const [path, title] of titles) {
    await page.goto(path);
    await expect(page, path).toHaveTitle(title);
  }
});

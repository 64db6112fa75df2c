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

test("a FREE-plan property's API screens lead to the plan page, which tells an owner how to upgrade and staff whom to ask", async ({
  page,
}) => {
  await signIn(page, "owner@demo.test");
  for (const [path, title] of [
    ["/seaside-hostel/settings/api-access/keys", "API access is on the PRO plan"],
    ["/seaside-hostel/settings/api-access/webhooks", "Webhooks are on the PRO plan"],
    ["/seaside-hostel/settings/api-access/logs", "API access is on the PRO plan"],
  ] as const) {
    await page.goto(path);
    const callout = page.getByRole("region", { name: title });
    await expect(callout, path).toContainText("PRO unlocks");
    await expect(callout.getByRole("link", { name: "Upgrade to PRO" })).toHaveAttribute("href", "/seaside-hostel/settings/plan");
  }
  await page.getByRole("link", { name: "Upgrade to PRO" }).click();
  await expect(page).toHaveTitle("Plan · Seaside Hostel · Property dashboard");
  await expect(page.getByRole("region", { name: "FREE plan" })).toContainText("Current plan");
  await expect(page.getByRole("heading", { name: "How to upgrade" })).toBeVisible();
  await expect(page.getByText(/write to plans@pms\.example for Seaside Hostel to move to PRO/)).toBeVisible();
  await expect(page.getByRole("link", { name: "plans@pms.example" })).toHaveAttribute("href", "mailto:plans@pms.example");
  // It names the people to ask, the owner included (marked as the reader).
  const contacts = page.getByTestId("plan-contacts");
  await expect(contacts).toContainText("Olivia Owner (Owner, you)");
  await expect(contacts.getByRole("link", { name: "admin@demo.test" })).toHaveAttribute("href", "mailto:admin@demo.test");

  // A PRO property shows no callout.
  await page.goto("/grand-hotel/settings/api-access/keys");
  await expect(page.getByRole("link", { name: "Upgrade to PRO" })).toHaveCount(0);
});

test("a manager of a FREE property is told whom to ask for the upgrade", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.goto("/seaside-hostel/settings/plan");
  await expect(page.getByText("Only the property’s owners and admins can ask for a plan change")).toBeVisible();
  await expect(page.getByRole("link", { name: "owner@demo.test" })).toHaveAttribute("href", "mailto:owner@demo.test");
  // A PRO property names them too: a plan change either way goes through them.
  await page.goto("/grand-hotel/settings/plan");
  await expect(page.getByRole("heading", { name: "This property is on PRO" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Who can ask for a plan change" })).toBeVisible();
  await expect(page.getByTestId("plan-contacts").getByRole("link", { name: "owner@demo.test" })).toHaveAttribute(
    "href",
    "mailto:owner@demo.test",
  );
  await expect(page.getByTestId("plan-contacts")).not.toContainText("manager@demo.test");
});

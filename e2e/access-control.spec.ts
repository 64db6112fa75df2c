import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a wrong password gets one generic message, whether or not the email exists", async ({ page }) => {
  for (const email of ["manager@demo.test", "nobody@demo.test"]) {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password.");
    await expect(page).toHaveURL(/\/login/);
  }
});

test("signed-out visitors are sent to sign in and come back where they were going", async ({ page }) => {
  await page.goto("/grand-hotel/settings/api-access/keys");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill("admin@demo.test");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/grand-hotel\/reservations$/);
});

test("a STAFF user cannot open API Access", async ({ page }) => {
  await signIn(page, "staff@demo.test");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API Access" })).toHaveCount(0);
  const response = await page.goto("/grand-hotel/settings/api-access/keys");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
  // Staff may check guests in but not cancel.
  await page.goto("/grand-hotel/reservations?status=CONFIRMED");
  const row = page.getByTestId("reservation-row").first();
  await expect(row.getByRole("button", { name: /^Check in/ })).toBeVisible();
  await expect(row.getByRole("button", { name: /^Cancel/ })).toHaveCount(0);
});

test("a manager sees API Access with its tabs", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.getByRole("link", { name: "API Access" }).click();
  await expect(page.getByRole("heading", { name: "API Access" })).toBeVisible();
  for (const tab of ["Overview", "Keys", "Webhooks", "Logs"])
    await expect(page.getByRole("navigation", { name: "API Access" }).getByRole("link", { name: tab })).toBeVisible();
  await page.getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByText("No webhooks yet")).toBeVisible();
});

test("a user cannot open another property's pages by editing the URL", async ({ page }) => {
  await signIn(page, "staff@demo.test"); // a member of Grand Hotel only
  for (const path of ["/seaside-hostel/reservations", "/seaside-hostel/settings/api-access/keys", "/no-such-property/reservations"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("a refused page renders inside the shell with a 403, whom to ask, and the way back", async ({ page }) => {
  await signIn(page, "staff@demo.test");
  for (const path of ["/grand-hotel/settings/api-access/keys", "/grand-hotel/settings/api-access/logs", "/grand-hotel/settings/activity"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reservations" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Property: Grand Hotel/ })).toBeVisible();
    const admins = page.getByRole("list", { name: "Admins of this property" });
    await expect(admins).toContainText("Olivia Owner");
    await expect(admins).toContainText("Adam Admin");
  }
  await page.getByRole("link", { name: "← Back to Grand Hotel" }).click();
  await expect(page).toHaveURL(/\/grand-hotel\/reservations$/);
});

test("an unknown page of a property is a 404 inside the shell", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  for (const path of [
    "/grand-hotel/no-such-page",
    "/grand-hotel/settings/no-such-tab",
    "/grand-hotel/settings/api-access/webhooks/nope/x",
    // An endpoint id the property does not have: checked above the page's loading boundary, so not streamed as a 200.
    "/grand-hotel/settings/api-access/webhooks/we_no_such_endpoint",
    // A stay the property does not have: its page sits outside the reservation list's loading boundary.
    "/grand-hotel/reservations/res_no_such_stay",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "← Back to Grand Hotel" })).toHaveAttribute("href", "/grand-hotel/reservations");
});

test("an unknown property is a 404 that lists the user's properties", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  const response = await page.goto("/no-such-property/reservations");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page).toHaveTitle("Page not found · Property dashboard");
  const properties = page.getByRole("navigation", { name: "Your properties" });
  await expect(properties.getByRole("link", { name: "Grand Hotel" })).toHaveAttribute("href", "/grand-hotel/reservations");
  await expect(properties.getByRole("link", { name: "Seaside Hostel" })).toHaveAttribute("href", "/seaside-hostel/reservations");
});

import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a manager signs in, switches property, filters reservations, creates one and checks it in", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await expect(page).toHaveURL(/\/grand-hotel\/reservations$/);
  await expect(page.getByRole("heading", { name: "Reservations" })).toBeVisible();
  await expect(page.getByText("550 reservations at Grand Hotel")).toBeVisible();

  // Switch to the other property and back: the same page of another property.
  await page.getByRole("button", { name: /Switch property/ }).click();
  await page.getByRole("menuitem", { name: /Seaside Hostel/ }).click();
  await expect(page).toHaveURL(/\/seaside-hostel\/reservations$/);
  await expect(page.getByText("250 reservations at Seaside Hostel")).toBeVisible();
  await page.getByRole("button", { name: /Switch property/ }).click();
  await page.getByRole("menuitem", { name: /Grand Hotel/ }).click();
  await expect(page).toHaveURL(/\/grand-hotel\/reservations$/);

  // Filter by status: every row shown carries it, and the filter is in the URL.
  await page.getByLabel("Status").selectOption("CANCELLED");
  await expect(page).toHaveURL(/status=CANCELLED/);
  const rows = page.getByTestId("reservation-row");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  await expect(rows.filter({ hasText: "Cancelled" })).toHaveCount(count);
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("CANCELLED");
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/grand-hotel\/reservations$/);

  // Invalid form data: field errors, nothing written.
  await page.getByRole("button", { name: "New reservation" }).click();
  const dialog = page.getByRole("dialog", { name: "New reservation" });
  await dialog.getByRole("button", { name: "Create reservation" }).click();
  await expect(dialog.getByText("First name is required")).toBeVisible();
  await expect(dialog.getByText("Enter an amount such as 129.00")).toBeVisible();

  // A stay far in the future, so no demo booking is in the way.
  const guestName = `Playwright${Date.now().toString(36)}`;
  await dialog.getByLabel("First name").fill("Eve");
  await dialog.getByLabel("Last name").fill(guestName);
  await dialog.getByLabel("Room").selectOption({ index: 1 });
  await dialog.getByLabel("Arrival").fill("2031-06-01");
  await dialog.getByLabel("Departure").fill("2031-06-04");
  await dialog.getByLabel("Adults").fill("1");
  await dialog.getByLabel(/Total/).fill("387.00");
  await dialog.getByRole("button", { name: "Create reservation" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: /Reservation GH-[A-Z0-9]{6} created/ })).toBeVisible();

  // Find it by search and check it in.
  await page.getByLabel("Search by guest name or code").fill(guestName);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${guestName}`));
  const row = page.getByTestId("reservation-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("€387.00");
  await expect(row).toContainText("Confirmed");
  // Years before arrival, so the check-in asks first.
  await row.getByRole("button", { name: /^Check in/ }).click();
  await page.getByRole("dialog", { name: "Check in early?" }).getByRole("button", { name: "Check in now" }).click();
  await expect(row).toContainText("Checked in");
  await expect(row.getByRole("button", { name: /^Check out/ })).toBeVisible();
});

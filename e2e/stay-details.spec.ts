import { expect, test, type Page } from "@playwright/test";
import { seriousViolations, signIn } from "./helpers";

// A stay's own page (seeded stays, last on the list: other specs book theirs in the future, listed first): its guest, payments with what is paid and still due, and its door codes; it fits a
// 1280 px desk and a 390 px phone and passes axe. An admin erases a guest's personal data after
// confirming; a manager is not offered the action.

async function openFirst(page: Page, status: string) {
  await page.goto(`/grand-hotel/reservations?status=${status}`);
  const link = page
    .getByRole("link", { name: /^[A-Z]{2}-/ })
    .filter({ visible: true })
    .first();
  const code = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: `Reservation ${code}` })).toBeVisible();
  return code;
}

for (const screen of [
  { name: "desk", viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
] as const) {
  test.describe(`on a ${screen.name}`, () => {
    test.use({ viewport: screen.viewport, isMobile: screen.isMobile, hasTouch: screen.isMobile });

    test("a checked-in stay shows its guest, payments with paid and balance, and door codes; it fits and passes axe", async ({ page }) => {
      await signIn(page, "manager@demo.test");
      // The seeded checked-in stays have door codes; one checked in by another spec may not: take the first that has.
      await page.goto("/grand-hotel/reservations?status=CHECKED_IN");
      const links = page.getByRole("link", { name: /^[A-Z]{2}-/ }).filter({ visible: true });
      await expect(links.first()).toBeVisible();
      const hrefs: string[] = [];
      for (let i = 0; i < (await links.count()); i++) hrefs.push((await links.nth(i).getAttribute("href"))!);
      let found = false;
      for (const href of hrefs) {
        await page.goto(href);
        await expect(page.getByRole("heading", { level: 1, name: /^Reservation / })).toBeVisible();
        if ((await page.getByTestId("door-codes").count()) > 0) {
          found = true;
          break;
        }
      }
      expect(found, "a checked-in stay with door codes").toBe(true);
      await expect(page.getByRole("heading", { name: "Payments" })).toBeVisible();
      await expect(page.getByTestId("stay-balance")).toContainText("Balance");
      await expect(page.getByRole("heading", { name: "Door codes" })).toBeVisible();
      await expect(
        page
          .getByTestId("door-codes")
          .getByText(/\d{4,10}/)
          .first(),
      ).toBeVisible();
      // A manager cannot erase guests.
      await expect(page.getByRole("button", { name: "Erase guest data" })).toHaveCount(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(screen.viewport.width);
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test("an admin erases a guest's personal data after confirming", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await openFirst(page, "CHECKED_OUT");
  await page.getByRole("button", { name: "Erase guest data" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("This cannot be undone");
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Erase guest data" }).click();
  await expect(page.getByText(/Personal data erased on/)).toBeVisible();
  await expect(page.getByText("Erased guest").first()).toBeVisible();
  await expect(page.getByText("[erased]")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Erase guest data" })).toHaveCount(0);
  // The server's background job goes through the logs, events and webhook history, then says so.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("erasure-status")).toContainText("no longer hold it", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});

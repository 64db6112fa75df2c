// Every dashboard page at a 1280×800 laptop and a 390×844 phone: no page wider than the screen, list
// tables that fit without scrolling sideways on the laptop, every visible action reachable, every dialog
// fully on screen, and no serious or critical axe violation (WCAG 2.1 A and AA).
import { expect, test } from "@playwright/test";
import { closedPort, seriousViolations, signIn } from "./helpers";

const SCREENS = {
  laptop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;

const PAGES = [
  "/grand-hotel/reservations",
  "/grand-hotel/settings/api-access",
  "/grand-hotel/settings/api-access/keys",
  "/grand-hotel/settings/api-access/webhooks",
  "/grand-hotel/settings/api-access/logs",
  "/grand-hotel/settings/team",
  "/grand-hotel/settings/activity",
  "/account/security",
  "/account/notifications",
];

const DIALOGS = [
  { path: "/grand-hotel/reservations", button: "New reservation" },
  { path: "/grand-hotel/settings/api-access/keys", button: "Create API key" },
  { path: "/grand-hotel/settings/api-access/webhooks", button: "Add endpoint" },
  { path: "/grand-hotel/settings/team", button: "Invite member" },
];

for (const [screen, options] of Object.entries(SCREENS)) {
  test.describe(`on a ${screen}`, () => {
    test.use(options);
    const width = options.viewport.width;
    const height = options.viewport.height;

    test("every page fits the screen, its actions are reachable and axe finds nothing serious", async ({ page }) => {
      test.setTimeout(120_000);
      await signIn(page, "admin@demo.test");
      for (const path of PAGES) {
        await test.step(path, async () => {
          await page.goto(path);
          await page.waitForLoadState("networkidle");
          expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} is wider than the screen`).toBeLessThanOrEqual(
            width,
          );
          if (screen === "laptop") {
            const scrolling = await page.evaluate(
              () =>
                [...document.querySelectorAll("[data-table-frame]")].filter((frame) => frame.scrollWidth > frame.clientWidth + 1).length,
            );
            expect(scrolling, `${path} has a table wider than its box`).toBe(0);
          }
          const buttons = page.getByRole("main").getByRole("button").filter({ visible: true });
          const count = Math.min(await buttons.count(), 15);
          for (let i = 0; i < count; i++) {
            const button = buttons.nth(i);
            await button.scrollIntoViewIfNeeded();
            const box = await button.boundingBox();
            expect(box, `${path}: button ${i} has no box`).not.toBeNull();
            expect(box!.x, `${path}: "${await button.textContent()}" is off screen`).toBeGreaterThanOrEqual(0);
            expect(box!.x + box!.width, `${path}: "${await button.textContent()}" is off screen`).toBeLessThanOrEqual(width + 1);
          }
          expect(await seriousViolations(page), path).toEqual([]);
        });
      }
    });

    test("every dialog opens fully on screen and passes axe", async ({ page }) => {
      test.setTimeout(120_000);
      await signIn(page, "admin@demo.test");
      for (const { path, button } of DIALOGS) {
        await test.step(`${path}: ${button}`, async () => {
          await page.goto(path);
          await page.getByRole("button", { name: button }).first().click();
          const dialog = page.getByRole("dialog");
          await expect(dialog).toBeVisible();
          // Open animations settle first.
          await page.waitForTimeout(300);
          const box = (await dialog.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.y).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(width + 1);
          expect(box.y + box.height).toBeLessThanOrEqual(height + 1);
          expect(await seriousViolations(page, "[role=dialog]"), `${button} dialog`).toEqual([]);
          await page.keyboard.press("Escape");
          await expect(dialog).toBeHidden();
        });
      }
    });

    test("an endpoint's page with a failed delivery opened fits, passes axe, and its confirm dialog gives focus back", async ({ page }) => {
      test.setTimeout(120_000);
      await signIn(page, "admin@demo.test");
      const url = `http://127.0.0.1:${await closedPort()}/hooks/${screen}`;
      await page.goto("/grand-hotel/settings/api-access/webhooks");
      await page.getByRole("button", { name: "Add endpoint" }).first().click();
      const form = page.getByRole("dialog");
      await form.getByLabel("Endpoint URL").fill(url);
      await form.getByRole("checkbox", { name: /^guest\.checked_out/ }).check();
      await form.getByRole("button", { name: "Add endpoint" }).click();
      await form.getByRole("button", { name: "I’ve stored it safely" }).click();
      const card = page.getByRole("article", { name: url });
      try {
        await card.getByRole("button", { name: "Send test event" }).click();
        await card.getByRole("link", { name: "View recent deliveries" }).click();
        await expect(page.getByText("ECONNREFUSED").filter({ visible: true }).first()).toBeVisible({ timeout: 20_000 });
        await expect(
          page
            .getByText(/Pending – next try in|Failed – connection refused/)
            .filter({ visible: true })
            .first(),
        ).toBeVisible();
        await page
          .getByRole("button", { name: /^(ping|Show attempts)/ })
          .first()
          .click();
        await expect(page.getByTestId("delivery-detail").filter({ visible: true }).getByRole("group", { name: "Attempt 1" })).toBeVisible();
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          "the endpoint page is wider than the screen",
        ).toBeLessThanOrEqual(width);
        const scrolling = await page.evaluate(
          () =>
            [...document.querySelectorAll("[data-table-frame]")].filter((f) => f.checkVisibility() && f.scrollWidth > f.clientWidth + 1)
              .length,
        );
        expect(scrolling, "the deliveries table is wider than its box").toBe(0);
        // The test event's toast is gone first: axe reads its colours mid-animation.
        await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });
        expect(await seriousViolations(page), "endpoint page").toEqual([]);

        const disable = page.getByRole("button", { name: "Disable", exact: true });
        await disable.click();
        const confirm = page.getByRole("dialog");
        await expect(confirm.getByRole("heading", { name: "Disable this endpoint?" })).toBeVisible();
        await page.waitForTimeout(300);
        const box = (await confirm.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(width + 1);
        expect(box.y + box.height).toBeLessThanOrEqual(height + 1);
        expect(await seriousViolations(page, "[role=dialog]"), "disable dialog").toEqual([]);
        await confirm.getByRole("button", { name: "Cancel" }).click();
        await expect(confirm).toHaveCount(0);
        await expect(disable).toBeFocused();
      } finally {
        await page.goto("/grand-hotel/settings/api-access/webhooks");
        await card.getByRole("button", { name: "Delete" }).click();
        await page.getByRole("dialog").getByRole("button", { name: "Delete endpoint" }).click();
        await expect(card).toHaveCount(0);
      }
    });
  });
}

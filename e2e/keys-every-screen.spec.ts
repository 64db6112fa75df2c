import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const KEYS_PAGE = "/grand-hotel/settings/api-access/keys";
const SCREENS = [
  { name: "a 1280 px desktop", viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: "a 390 px phone", viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

const toast = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text });
const keyRows = (page: Page) => page.getByTestId("api-key-row").filter({ visible: true });

async function expectInViewport(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, "the element is laid out").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
}

/** Phone emulation widens the layout viewport to fit an overwide page, so compare with the width asked for. */
async function expectNoSidewaysScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
}

/** A pair named for this run: the live key rolled (the old one in its grace period), the test key revoked. */
async function createPair(page: Page): Promise<{ name: string; live: string; test: string }> {
  const name = `Door locks ${Date.now().toString(36)}`;
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Live + test pair").check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const live = (await dialog.getByTestId("issued-key-live").textContent())!.trim();
  const testKey = (await dialog.getByTestId("issued-key-test").textContent())!.trim();
  await dialog.getByRole("button", { name: "I’ve stored it safely" }).click();
  return { name, live: live.slice(-4), test: testKey.slice(-4) };
}

for (const screen of SCREENS) {
  test.describe(`on ${screen.name}`, () => {
    test.use({ viewport: screen.viewport, isMobile: screen.isMobile, hasTouch: screen.isMobile });

    test("the Keys tab fits, every key's actions open on screen, roll and revoke say so and give focus back", async ({ page }) => {
      const { width } = screen.viewport;
      await signIn(page, "admin@demo.test");
      await page.goto(KEYS_PAGE);

      // The create dialog is fully on screen.
      const { name, live, test: testLast4 } = await createPair(page);
      await page.getByRole("button", { name: "Create API key" }).first().click();
      await expectInViewport(page, page.getByRole("dialog"));
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toHaveCount(0);

      // Roll the live key: the dialog shows the new key (no toast besides), the old key listed under its replacement with its remaining time.
      await page.getByRole("button", { name: `Actions for ${name} (live …${live})` }).click();
      await page.getByRole("menuitem", { name: "Roll…" }).click();
      const roll = page.getByRole("dialog");
      await expect(roll.getByRole("heading", { name: `Roll “${name}” (…${live})` })).toBeVisible();
      await expectInViewport(page, roll);
      await roll.getByLabel(/Regenerate the pair/).uncheck();
      await roll.getByRole("button", { name: "Roll key" }).click();
      await expect(roll.getByRole("heading", { name: "Key rolled" })).toBeVisible();
      await expect(toast(page, "Key rolled")).toHaveCount(0);
      await roll.getByRole("button", { name: "I’ve stored it safely" }).click();
      await expect(page.getByRole("button", { name: `Actions for ${name} (live …${live})` })).toBeFocused();
      const pair = keyRows(page).filter({ hasText: name });
      await expect(pair).toHaveCount(3);
      // Newest live key, then the key it replaced, then the test key of the pair.
      await expect(pair.nth(1)).toContainText(`••••${live}`);
      await expect(pair.nth(1)).toContainText(/Rolled\s*expires in (23|24) hours/);
      await expect(pair.nth(2)).toContainText(`••••${testLast4}`);

      // Closing Revoke without revoking gives focus back to the same "⋯" button.
      const testActions = page.getByRole("button", { name: `Actions for ${name} (test …${testLast4})` });
      await testActions.click();
      await page.getByRole("menuitem", { name: "Revoke…" }).click();
      const revoke = page.getByRole("dialog");
      await expect(revoke.getByRole("heading", { name: `Revoke “${name}” (…${testLast4})?` })).toBeVisible();
      await expectInViewport(page, revoke);
      await revoke.getByRole("button", { name: "Cancel" }).click();
      await expect(testActions).toBeFocused();

      // Revoke the test key: a toast, and it stays in view (with focus on its button) until the page is left.
      await testActions.click();
      await page.getByRole("menuitem", { name: "Revoke…" }).click();
      await expect(revoke.getByLabel(/Also revoke its live key/)).not.toBeChecked();
      await revoke.getByRole("button", { name: "Revoke key" }).click();
      await expect(toast(page, `${name} was revoked.`)).toBeVisible();
      await expect(testActions).toBeFocused();
      await expect(pair.nth(2)).toContainText(/Revoked\s*by Adam Admin/);

      // The activity names the keys by their last four characters too.
      await expect(page.getByTestId("api-key-activity")).toContainText(`revoked the test key “${name}” (…${testLast4})`);

      // Revoked keys are hidden by default; "Show revoked" brings them back.
      await page.reload();
      await expect(keyRows(page).filter({ hasText: name })).toHaveCount(2);
      await expect(keyRows(page).filter({ hasText: `••••${testLast4}` })).toHaveCount(0);
      await page.getByLabel("Show revoked").check();
      await expect(keyRows(page).filter({ hasText: `••••${testLast4}` })).toContainText("Revoked");
      await page.getByLabel("Show revoked").uncheck();

      // Nothing is wider than the screen, and every key's menu opens within it.
      await expectNoSidewaysScroll(page, width);
      const menus = page.getByRole("button", { name: /^Actions for / });
      const count = await menus.count();
      expect(count).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < count; i++) {
        await menus.nth(i).scrollIntoViewIfNeeded();
        await expectInViewport(page, menus.nth(i));
        await menus.nth(i).click();
        const menu = page.getByRole("menu");
        await expect(menu.getByRole("menuitem", { name: "View logs for this key" })).toBeVisible();
        await expectInViewport(page, menu);
        await page.keyboard.press("Escape");
        await expect(menu).toHaveCount(0);
      }
      await expectNoSidewaysScroll(page, width);

      // A key's logs are one click away, filtered to that key.
      await page.getByRole("button", { name: `Actions for ${name} (live …${live})` }).click();
      await page.getByRole("menuitem", { name: "View logs for this key" }).click();
      await expect(page).toHaveURL(/\/settings\/api-access\/logs\?key=/);
      await expect(page.locator("select[name=key] option:checked")).toHaveText(`${name} (live …${live})`);
    });
  });
}

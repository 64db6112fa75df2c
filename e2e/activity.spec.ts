import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const ACTIVITY = "/grand-hotel/settings/activity";

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test("an admin creates a key and reads it on Activity; the kind filter narrows the list and survives a reload", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/grand-hotel/settings/api-access/keys");
  const name = `Door locks ${Date.now().toString(36)}`;
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Full access – read").check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByRole("heading", { name: "Your new API key" })).toBeVisible();
  await dialog.getByRole("button", { name: "I’ve stored it safely" }).click();
  const keyRow = page.getByTestId("api-key-row").filter({ hasText: name, visible: true });
  const last4 = /pms_live_•+(\w{4})/.exec(await keyRow.innerText())?.[1];
  expect(last4).toBeTruthy();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("heading", { name: "Activity" })).toBeVisible();
  const created = page.getByTestId("activity-entry").filter({ hasText: `Adam Admin created the key “${name}” (…${last4})` });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText("api_key.created");
  await expect(created.locator("time")).toHaveAttribute("title", /\d{4}/);
  // Unfiltered, the admin's own sign-in is there too.
  const signIns = page.locator('[data-testid="activity-entry"][data-action="user.signed_in"]');
  await expect(signIns.first()).toContainText("Adam Admin signed in");

  await page.getByLabel("Kind").selectOption("keys");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]kind=keys/);
  await expect(signIns).toHaveCount(0);
  await expect(created).toHaveCount(1);
  for (const action of await page.getByTestId("activity-entry").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action"))))
    expect(action).toMatch(/^api_key\./);

  await page.reload();
  await expect(page.getByLabel("Kind")).toHaveValue("keys");
  await expect(created).toHaveCount(1);
  await expect(signIns).toHaveCount(0);

  // Leave no live key behind for the specs that follow; the revocation is on the trail too.
  await page.goto("/grand-hotel/settings/api-access/keys");
  await page.getByRole("button", { name: `Actions for ${name} (live …${last4})` }).click();
  await page.getByRole("menuitem", { name: "Revoke…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(keyRow).toContainText(/Revoked by Adam Admin/);
  await page.goto(`${ACTIVITY}?kind=keys`);
  await expect(page.getByTestId("activity-entry").first()).toHaveText(new RegExp(`Adam Admin revoked the key “${name}” \\(…${last4}\\)`));
});

test("filters the page cannot use are named, never ignored; an empty result offers Clear", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.goto(`${ACTIVITY}?from=2026-11-22&to=2026-11-21`);
  await expect(page.getByTestId("activity-filter-errors")).toContainText("The “from” date is after the “to” date");
  await expect(page.getByTestId("activity-entry")).toHaveCount(0);

  await page.goto(`${ACTIVITY}?kind=everything`);
  await expect(page.getByTestId("activity-filter-errors")).toContainText("“everything” is not a kind of activity");

  await page.goto(`${ACTIVITY}?actor=user:not-a-member`);
  await expect(page.getByTestId("activity-filter-errors")).toContainText("That actor is not a member or key of this property");

  await page.goto(`${ACTIVITY}?from=2001-01-01&to=2001-01-02`);
  await expect(page.getByRole("heading", { name: "No entries match these filters" })).toBeVisible();
  await page.getByRole("link", { name: "Clear", exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`${ACTIVITY}$`));
  await expect(page.getByTestId("activity-entry").first()).toBeVisible();
});

test("Activity fits a laptop and a phone, where entries are stacked cards", async ({ page, browser }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, "owner@demo.test");
  await page.goto(ACTIVITY);
  await expect(page.getByTestId("activity-entry").first()).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(1280);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const mobile = await phone.newPage();
    await signIn(mobile, "owner@demo.test");
    await mobile.goto(`${ACTIVITY}?kind=security`);
    const entries = mobile.getByTestId("activity-entry");
    await expect(entries.first()).toBeVisible();
    expect(await pageWidth(mobile)).toBeLessThanOrEqual(390);
    // A card: the time sits under the sentence, not beside it.
    const [sentence, time] = await Promise.all([
      entries.first().locator("p").first().boundingBox(),
      entries.first().locator("time").boundingBox(),
    ]);
    expect(time!.y).toBeGreaterThan(sentence!.y + sentence!.height - 1);
  } finally {
    await phone.close();
  }
});

test("STAFF gets the 403 page for Activity and no nav entry; its JSON too", async ({ page }) => {
  await signIn(page, "staff@demo.test");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" })).toHaveCount(0);
  const response = await page.goto(ACTIVITY);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
  const json = await page.request.get("/api/dashboard/properties/grand-hotel/activity");
  expect(json.status()).toBe(403);
});

import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const KEYS_PAGE = "/grand-hotel/settings/api-access/keys";

async function copiedKey(page: Page, mode: "live" | "test" = "live"): Promise<string> {
  const button = page.getByRole("button", { name: `Copy ${mode} key` });
  await button.click();
  await expect(button).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // What was copied is exactly what the dialog shows.
  await expect(page.getByTestId(`issued-key-${mode}`)).toHaveText(copied);
  return copied;
}

/** A key's row or card as shown at this screen size (the table and the cards are both in the page, one hidden). */
const keyRow = (page: Page, text: string) => page.getByTestId("api-key-row").filter({ visible: true }).filter({ hasText: text });

/** Picks an item from a key's "⋯" menu; the menu names the key by mode and last four characters. */
async function keyAction(page: Page, name: string, mode: "live" | "test", last4: string, item: string) {
  await page.getByRole("button", { name: `Actions for ${name} (${mode} …${last4})` }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

test("an admin creates a key, the integrator uses it, usage shows, roll keeps both working, revoke stops it", async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "admin@demo.test");
  await page.goto(KEYS_PAGE);
  const name = `Channel manager ${Date.now().toString(36)}`;

  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByText("Give the key a name")).toBeVisible();
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Full access – read").check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByRole("heading", { name: "Your new API key" })).toBeVisible();
  await expect(dialog.getByText(/we show it only once/)).toBeVisible();
  // The dialog is the answer: no toast says it again.
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Key created" })).toHaveCount(0);
  // Shown once, so not lost by accident: Escape and a click outside leave it open.
  await page.keyboard.press("Escape");
  await page.mouse.click(5, 5);
  await expect(dialog.getByRole("heading", { name: "Your new API key" })).toBeVisible();
  const key = await copiedKey(page);
  expect(key).toMatch(/^pms_live_[0-9A-Za-z]{36}$/);
  await dialog.getByRole("button", { name: "I’ve stored it safely" }).click();

  const row = keyRow(page, name);
  await expect(row).toContainText(`pms_live_••••••••${key.slice(-4)}`);
  await expect(row).not.toContainText(key.slice(9, 20));
  await expect(row).toContainText("Never");
  await expect(row.getByTestId("request-count")).toHaveText("0");

  // The integrator calls the API with the copied key.
  const auth = { Authorization: `Bearer ${key}` };
  for (let i = 0; i < 3; i++) {
    const response = await request.get("/api/v1/properties", { headers: auth });
    expect(response.status()).toBe(200);
    expect((await response.json()).data[0].slug).toBe("grand-hotel");
  }
  // Usage is written in batches and the table refreshes itself: no reload needed.
  await expect(row.getByTestId("request-count")).toHaveText("3", { timeout: 15_000 });
  await expect(row).toContainText(/seconds? ago|now/);

  // Roll with an hour of grace: both the old and the new key work.
  await keyAction(page, name, "live", key.slice(-4), "Roll…");
  const roll = page.getByRole("dialog");
  await expect(roll.getByRole("heading", { name: `Roll “${name}” (…${key.slice(-4)})` })).toBeVisible();
  await roll.getByLabel("Keep the old key working for").selectOption("1h");
  await roll.getByRole("button", { name: "Roll key" }).click();
  await expect(roll.getByRole("heading", { name: "Key rolled" })).toBeVisible();
  const rolled = await copiedKey(page);
  expect(rolled).not.toBe(key);
  await roll.getByRole("button", { name: "I’ve stored it safely" }).click();
  expect((await request.get("/api/v1/properties", { headers: auth })).status()).toBe(200);
  expect((await request.get("/api/v1/properties", { headers: { Authorization: `Bearer ${rolled}` } })).status()).toBe(200);
  await expect(page.getByTestId("api-key-activity")).toContainText(
    `rolled the live key “${name}” (…${key.slice(-4)}) → …${rolled.slice(-4)} (old key works for 1h)`,
  );

  // Revoke the old key: the very next call is refused.
  // The old key is listed under the key that replaced it.
  const oldRow = keyRow(page, `••••${key.slice(-4)}`);
  await expect(oldRow).toContainText(`Replaced by …${rolled.slice(-4)}`);
  await expect(oldRow).toContainText(/Rolled\s*expires in (59|60) minutes|Rolled\s*expires in 1 hour/);
  await keyAction(page, name, "live", key.slice(-4), "Revoke…");
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(oldRow).toContainText(/Revoked\s*after a roll by Adam Admin/);
  const refused = await request.get("/api/v1/properties", { headers: auth });
  expect(refused.status()).toBe(401);
  const body = await refused.json();
  expect(body).toEqual({
    status: "error",
    code: "KEY_REVOKED",
    message: "API key has been revoked. Contact your property admin for a new key.",
    requestId: refused.headers()["x-request-id"],
  });
  await expect(page.getByTestId("api-key-activity")).toContainText(`Adam Admin revoked the live key “${name}” (…${key.slice(-4)})`);
});

test("a manager sees the keys table but no Create, Roll or Revoke", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.goto(KEYS_PAGE);
  await expect(page.getByRole("heading", { name: "API Access" })).toBeVisible();
  await expect(page.getByLabel("Show revoked")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create API key" })).toHaveCount(0);
  // A key's menu offers its logs, nothing that changes it.
  await page
    .getByRole("button", { name: /^Actions for / })
    .first()
    .click();
  await expect(page.getByRole("menuitem", { name: "View logs for this key" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: /^(Roll|Revoke)/ })).toHaveCount(0);
});

test("a FREE-plan property explains the PRO plan and cannot create keys", async ({ page }) => {
  await signIn(page, "owner@demo.test");
  await page.goto("/seaside-hostel/settings/api-access/keys");
  await expect(page.getByRole("heading", { name: "API access is on the PRO plan" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create API key" })).toHaveCount(0);
});

test("revoking the test key of a pair leaves its live key working unless the admin ticks the box", async ({ page, context, request }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "admin@demo.test");
  await page.goto(KEYS_PAGE);
  const name = `Lock vendor ${Date.now().toString(36)}`;
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByText("Live + test pair").click();
  await dialog.getByLabel("Full access – read").check();
  await dialog.getByRole("button", { name: /Create (key|keys|pair)/ }).click();
  const live = await copiedKey(page, "live");
  const testKey = await copiedKey(page, "test");
  await dialog.getByRole("button", { name: "I’ve stored it safely" }).click();

  await keyAction(page, name, "test", testKey.slice(-4), "Revoke…");
  const revoke = page.getByRole("dialog");
  const both = revoke.getByRole("checkbox", { name: /Also revoke its live key/ });
  await expect(both).not.toBeChecked();
  await expect(revoke).toContainText(`pms_live_••••••••${live.slice(-4)}`);
  await both.check();
  await expect(revoke.getByRole("button", { name: "Revoke both keys" })).toBeVisible();
  await both.uncheck();
  await revoke.getByRole("button", { name: "Revoke key" }).click();
  await expect(revoke).toBeHidden();

  expect((await request.get("/api/v1/properties", { headers: { Authorization: `Bearer ${testKey}` } })).status()).toBe(401);
  expect((await request.get("/api/v1/properties", { headers: { Authorization: `Bearer ${live}` } })).status()).toBe(200);
});

// Sudo mode in a real browser: once the password is older than the window, creating a key asks for it
// again in "Confirm access", refuses a wrong one, and finishes the creation after the right one.
// A server of its own with a 10-second window, so the spec need not wait ten minutes.
import { expect, test } from "@playwright/test";
import { env } from "../lib/env";
import { DEMO_PASSWORD, signIn } from "./helpers";
import { startSecondServer, type SecondServer } from "./second-server";

const WINDOW_SECONDS = 10;
let server: SecondServer;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  server = await startSecondServer(env().E2E_PORT + 2, { SUDO_WINDOW_SECONDS: String(WINDOW_SECONDS) });
});

test.afterAll(async () => {
  await server?.stop();
});

test("an old sign-in must confirm the password before creating a key, and the creation then completes", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "admin@demo.test", DEMO_PASSWORD, server.baseURL);
  await expect(page).toHaveURL(/\/grand-hotel\/reservations$/);
  await page.goto(`${server.baseURL}/grand-hotel/settings/api-access/keys`);
  await page.waitForTimeout((WINDOW_SECONDS + 1) * 1000);

  await page.getByRole("button", { name: "Create API key" }).first().click();
  const create = page.getByRole("dialog", { name: "Create API key" });
  await create.getByLabel("Name").fill("Door locks");
  await create.getByLabel("Full access – read").check();
  await create.getByRole("button", { name: "Create key" }).click();

  const confirm = page.getByRole("dialog", { name: "Confirm access" });
  await expect(confirm).toBeVisible();
  await confirm.getByLabel("Password").fill("not-my-password");
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm.getByRole("alert")).toHaveText("That password is not right.");
  await confirm.getByLabel("Password").fill(DEMO_PASSWORD);
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm).toBeHidden();

  // The creation went through without starting over, and the key is shown once.
  await expect(page.getByRole("heading", { name: "Your new API key" })).toBeVisible();
  await expect(page.getByTestId("issued-key-live")).toHaveText(/^pms_live_/);

  // Within the window the next sensitive action asks nothing.
  await page.getByRole("button", { name: "I’ve stored it safely" }).click();
  await page.getByRole("button", { name: "Create API key" }).first().click();
  await create.getByLabel("Name").fill("Revenue tool");
  await create.getByLabel("Full access – read").check();
  await create.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("heading", { name: "Your new API key" })).toBeVisible();
  await expect(confirm).toBeHidden();

  // Revoking a key is as sensitive: once the window has passed again, it asks first.
  await page.getByRole("button", { name: "I’ve stored it safely" }).click();
  await page.waitForTimeout((WINDOW_SECONDS + 1) * 1000);
  await page
    .getByRole("button", { name: /^Actions for Revenue tool/ })
    .first()
    .click();
  await page.getByRole("menuitem", { name: "Revoke…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toBeVisible();
  await confirm.getByLabel("Password").fill(DEMO_PASSWORD);
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId("api-key-row").filter({ visible: true }).filter({ hasText: "Revenue tool" })).toContainText("Revoked");
});

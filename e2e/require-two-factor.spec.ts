// A property that requires 2FA of the members who manage API access: the owner must have it to switch the
// requirement on, and an admin without it is sent to set it up before anything on API Access, then back.
// On a server of its own, so turning 2FA on for the demo owner and admin cannot reach the other specs.
import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { env } from "../lib/env";
import { DEMO_PASSWORD, signIn } from "./helpers";
import { startSecondServer, type SecondServer } from "./second-server";

let server: SecondServer;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  server = await startSecondServer(env().E2E_PORT + 3, {});
});

test.afterAll(async () => {
  await server?.stop();
});

async function signInAt(page: Page, email: string) {
  await signIn(page, email, DEMO_PASSWORD, server.baseURL);
  await expect(page).toHaveURL(/\/grand-hotel\/reservations$/);
}

/** Sets up 2FA on /account/security (already open) and saves the recovery codes. */
async function setUpTwoFactor(page: Page) {
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  const secret = ((await page.getByTestId("two-factor-setup-key").textContent()) ?? "").replace(/\s/g, "");
  await page.getByLabel("Authentication code").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByRole("dialog", { name: "Save your recovery codes" });
  await expect(codes.getByTestId("recovery-code")).toHaveCount(10);
  await codes.getByRole("button", { name: /I’ve saved them/ }).click();
}

test("an owner requires 2FA of key managers, and an admin without it is sent to set it up, then back", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const requirement = () => page.getByRole("switch", { name: "Require two-factor for members who manage API access" });

  await test.step("the owner needs 2FA before requiring it of others", async () => {
    await signInAt(page, "owner@demo.test");
    await page.goto(`${server.baseURL}/grand-hotel/settings/team`);
    await requirement().click();
    await expect(page).toHaveURL(/\/account\/security\?required=1/);
    await expect(page.getByText("Two-factor authentication is required")).toBeVisible();
    await setUpTwoFactor(page);
    await expect(page).toHaveURL(/\/grand-hotel\/settings\/team$/);
    await requirement().click();
    await expect(requirement()).toHaveAttribute("aria-checked", "true");
    // Said once, as a toast, not also under the switch.
    const said = "Two-factor authentication is now required for owners and admins who manage API access.";
    await expect(page.locator("[data-sonner-toast]").filter({ hasText: said })).toHaveCount(1);
    await expect(page.getByRole("region", { name: "Security" }).getByText(said)).toHaveCount(0);
  });

  await test.step("an admin without 2FA cannot reach API Access until it is on", async () => {
    const admin = await (await browser.newContext()).newPage();
    await signInAt(admin, "admin@demo.test");
    await admin.goto(`${server.baseURL}/grand-hotel/settings/api-access/keys`);
    await expect(admin).toHaveURL(/\/account\/security\?required=1&callbackUrl=%2Fgrand-hotel%2Fsettings%2Fapi-access/);
    await expect(admin.getByText("Two-factor authentication is required")).toBeVisible();
    await setUpTwoFactor(admin);
    await expect(admin).toHaveURL(/\/grand-hotel\/settings\/api-access$/);
    await expect(admin.getByRole("heading", { name: "API Access" })).toBeVisible();
    await admin.context().close();
  });
});

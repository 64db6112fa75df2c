import { expect, test, type Browser, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { generate } from "otplib";
import { DEMO_PASSWORD, signIn } from "./helpers";

// Only this spec signs in as it@demo.test, so turning 2FA on here cannot lock another spec out.
const EMAIL = "it@demo.test";
const REFUSED = "Sign-in failed: the password or the authentication code is not right.";

/** The code the app shows `seconds` from now (verification accepts one 30-second step either side). */
const codeIn = (secret: string, seconds: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + seconds });

/** A fresh browser at the second step of signing in: the password was right, the code is asked for. */
async function passwordOnly(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  // A right password is not a failure: on the way to the code step nothing answers 4xx and the console logs no error.
  const failures: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") failures.push(message.text());
  });
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Authentication code")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  expect(failures).toEqual([]);
  return page;
}

async function verify(page: Page, code: string) {
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

test("an admin turns on two-factor authentication, then signing in needs a code from the app or a recovery code", async ({
  page,
  browser,
}) => {
  let secret = "";
  let recoveryCodes: string[] = [];

  await test.step("set up with the key from the page, save the recovery codes and end the session from before", async () => {
    // Signed in elsewhere before 2FA was on: that browser never passed a second step.
    const older = await (await browser.newContext()).newPage();
    await signIn(older, EMAIL);
    await signIn(page, EMAIL);
    await page.goto("/account/security");
    await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
    await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
    secret = ((await page.getByTestId("two-factor-setup-key").textContent()) ?? "").replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByLabel("Authentication code").fill(await generate({ secret }));
    await page.getByRole("button", { name: "Turn on" }).click();

    const dialog = page.getByRole("dialog", { name: "Save your recovery codes" });
    await expect(dialog.getByTestId("recovery-code")).toHaveCount(10);
    await expect(dialog.getByTestId("older-sessions")).toContainText("still signed in on 1 other browser");
    await dialog.getByRole("button", { name: "Sign out the other session" }).click();
    await expect(dialog.getByRole("status")).toHaveText("1 other session was signed out.");
    await older.goto("/account/security");
    await expect(older).toHaveURL(/\/login/);
    await older.context().close();
    recoveryCodes = (await dialog.getByTestId("recovery-code").allTextContents()).map((code) => code.trim());
    const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download .txt" }).click()]);
    expect(download.suggestedFilename()).toBe("recovery-codes.txt");
    const saved = await readFile(await download.path(), "utf8");
    for (const code of recoveryCodes) expect(saved).toContain(code);
    // Shown once, so not dismissed by accident: Escape leaves it open.
    await page.keyboard.press("Escape");
    await expect(dialog.getByTestId("recovery-code")).toHaveCount(10);
    await dialog.getByRole("button", { name: /I’ve saved them/ }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("recovery-codes-left")).toHaveText(/^10 unused recovery codes left/);
  });

  await test.step("a wrong code is refused without saying which factor failed", async () => {
    const other = await passwordOnly(browser);
    const valid = await Promise.all([-30, 0, 30].map((offset) => codeIn(secret, offset)));
    const wrong = ["123456", "654321", "111111", "222222"].find((code) => !valid.includes(code))!;
    await verify(other, wrong);
    await expect(other.getByText(REFUSED)).toBeVisible();
    await expect(other).toHaveURL(/\/login/);

    // The setup code's step is used up: the next step's code signs in.
    await verify(other, await codeIn(secret, 30));
    await expect(other).toHaveURL(/\/grand-hotel\/reservations/);
    await other.context().close();
  });

  await test.step("a recovery code signs in once", async () => {
    const first = await passwordOnly(browser);
    await verify(first, recoveryCodes[0]!);
    await expect(first).toHaveURL(/\/grand-hotel\/reservations/);
    await first.context().close();

    const again = await passwordOnly(browser);
    await verify(again, recoveryCodes[0]!);
    await expect(again.getByText(REFUSED)).toBeVisible();
    await expect(again).toHaveURL(/\/login/);
    await again.context().close();
  });

  await test.step("turn it off again with the password", async () => {
    await page.goto("/account/security");
    await expect(page.getByTestId("recovery-codes-left")).toHaveText(/^9 unused recovery codes left/);
    await expect(page.getByRole("list", { name: "Recent security activity" })).toContainText("Signed in with a recovery code");
    await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
    const dialog = page.getByRole("dialog", { name: "Turn off two-factor authentication?" });
    await dialog.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await dialog.getByRole("button", { name: "Turn off" }).click();
    // Sudo mode may have lapsed on a slow run: then the password is asked for once more.
    const confirm = page.getByRole("dialog", { name: "Confirm access" });
    const setUp = page.getByRole("button", { name: "Set up two-factor authentication" });
    await expect(setUp.or(confirm)).toBeVisible();
    if (await confirm.isVisible()) {
      await confirm.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await confirm.getByRole("button", { name: "Confirm" }).click();
    }
    await expect(setUp).toBeVisible();

    const fresh = await (await browser.newContext()).newPage();
    await signIn(fresh, EMAIL);
    await fresh.context().close();
  });
});

import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// A failure is shown, never swallowed: whether the server could not be reached, answered with an
// error page, or refused the change. Server actions are POSTs carrying a `Next-Action` header.
const KEYS_PAGE = "/grand-hotel/settings/api-access/keys";
const toast = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text });

async function createKey(page: Page, name: string): Promise<string> {
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create key" }).click();
  const key = (await dialog.getByTestId("issued-key-live").textContent())!.trim();
  await dialog.getByRole("button", { name: "I’ve stored it safely" }).click();
  return key.slice(-4);
}

async function openRevoke(page: Page, name: string, last4: string) {
  await page.getByRole("button", { name: `Actions for ${name} (live …${last4})` }).click();
  await page.getByRole("menuitem", { name: "Revoke…" }).click();
  return page.getByRole("dialog");
}

test("a failed action says so: network down, a server error page, and a refusal by the server", async ({ page, browser }) => {
  await signIn(page, "admin@demo.test");
  await page.goto(KEYS_PAGE);
  const name = `Failing ${Date.now().toString(36)}`;
  const last4 = await createKey(page, name);

  // 1. The connection drops: the action never reaches the server.
  await page.route("**/*", (route) => (route.request().headers()["next-action"] ? route.abort("internetdisconnected") : route.fallback()));
  let dialog = await openRevoke(page, name, last4);
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(toast(page, "The server could not be reached. Nothing was saved")).toBeVisible();
  // Nothing happened, and the dialog is still there to try again.
  await expect(dialog.getByRole("button", { name: "Revoke key" })).toBeEnabled();

  // 2. A proxy in front of the app answers 502 with an HTML page.
  await page.unrouteAll({ behavior: "wait" });
  await page.route("**/*", (route) =>
    route.request().headers()["next-action"]
      ? route.fulfill({ status: 502, contentType: "text/html", body: "<h1>Bad gateway</h1>" })
      : route.fallback(),
  );
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(toast(page, "The server could not be reached. Nothing was saved").first()).toBeVisible();
  await page.unrouteAll({ behavior: "wait" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("api-key-row").filter({ visible: true }).filter({ hasText: name })).toContainText("Active");

  // 3. The server refuses: someone else revoked the key in another window meanwhile.
  dialog = await openRevoke(page, name, last4);
  const other = await browser.newPage();
  await signIn(other, "admin@demo.test");
  await other.goto(KEYS_PAGE);
  const otherDialog = await openRevoke(other, name, last4);
  await otherDialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(toast(other, `${name} was revoked.`)).toBeVisible();
  await other.close();

  await dialog.getByRole("button", { name: "Revoke key" }).click();
  // Said once, in the dialog where the click was: not also as a toast.
  await expect(dialog.getByRole("alert")).toHaveText("This key is already revoked.");
  await expect(toast(page, "This key is already revoked.")).toHaveCount(0);
});

import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const KEYS_PAGE = "/grand-hotel/settings/api-access/keys";
const keyRow = (page: Page, text: string) => page.getByTestId("api-key-row").filter({ visible: true }).filter({ hasText: text });

test("a key carries a note from its creation, and its name and note can be edited without touching the key", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto(KEYS_PAGE);
  const name = `Door locks ${Date.now().toString(36)}`;

  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Note (optional)").fill("Installed by Salto on the lobby controller");
  await dialog.getByRole("button", { name: "Create key" }).click();
  const preview = await dialog.getByTestId("issued-key-live").textContent();
  const last4 = preview!.trim().slice(-4);
  await dialog.getByRole("button", { name: "I’ve stored it safely" }).click();

  const row = keyRow(page, name);
  await expect(row.getByTestId("key-note")).toHaveText("Installed by Salto on the lobby controller");

  // A blank name is refused in the dialog, which keeps what was typed.
  await page.getByRole("button", { name: `Actions for ${name} (live …${last4})` }).click();
  await page.getByRole("menuitem", { name: "Edit name and note…" }).click();
  const edit = page.getByRole("dialog");
  await edit.getByLabel("Name").fill(" ");
  await edit.getByLabel("Note (optional)").fill("Moved to the new controller in room 101");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByText("Give the key a name")).toBeVisible();
  await expect(edit.getByLabel("Note (optional)")).toHaveValue("Moved to the new controller in room 101");

  const renamed = `${name} v2`;
  await edit.getByLabel("Name").fill(renamed);
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: `${renamed} was saved.` })).toBeVisible();
  await expect(edit).toBeHidden();
  const renamedRow = keyRow(page, renamed);
  await expect(renamedRow.getByTestId("key-note")).toHaveText("Moved to the new controller in room 101");
  await expect(renamedRow).toContainText(`pms_live_••••••••${last4}`);
  // Focus is back on the key's "⋯" button, now named after the new name.
  await expect(page.getByRole("button", { name: `Actions for ${renamed} (live …${last4})` })).toBeFocused();

  await page.goto("/grand-hotel/settings/activity");
  await expect(
    page.getByTestId("activity-entry").filter({ hasText: `renamed the key “${name}” to “${renamed}” and changed its note (…${last4})` }),
  ).toBeVisible();
});

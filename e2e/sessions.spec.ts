import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a manager signs out of every other session, and the other browser is signed out on its next page", async ({ browser }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  const otherSessions = a.getByRole("button", { name: "Sign out of all other sessions" });

  await signIn(a, "manager@demo.test");
  // Earlier specs left sessions of this demo user behind: start from this one alone.
  await a.goto("/account/security");
  if (await otherSessions.isVisible()) {
    await otherSessions.click();
    await expect(a.getByRole("status")).toContainText("signed out");
  }

  await signIn(b, "manager@demo.test");
  await a.reload();
  const sessions = a.getByTestId("account-session");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: "This device" })).toHaveCount(1);
  // This device first, named from its user agent (the Desktop Chrome profile's).
  await expect(sessions.first()).toContainText(/^Chrome on \w+This device/);

  await otherSessions.click();
  await expect(a.getByRole("status")).toHaveText("1 other session was signed out.");
  await expect(sessions).toHaveCount(1);

  await b.goto("/grand-hotel/reservations");
  await expect(b).toHaveURL(/\/login/);
  await a.goto("/grand-hotel/reservations");
  await expect(a).toHaveURL(/\/grand-hotel\/reservations/);
});

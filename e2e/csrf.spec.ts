import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Server actions are the dashboard's changes: a signed-in browser's cookies go with any POST, so one sent
// from another site (or with no Origin at all) is refused with 403 before it runs; the dashboard's own work.

test("a server action posted with a foreign Origin or none gets 403, while the dashboard's own changes go through", async ({
  page,
  baseURL,
}) => {
  await signIn(page, "admin@demo.test");
  const action = { "next-action": "7f0000000000000000000000000000000000000000", "content-type": "text/plain;charset=UTF-8" };
  for (const headers of [
    { ...action, origin: "https://evil.example" },
    { ...action, origin: "https://evil.example", "x-forwarded-host": "evil.example" },
    { ...action, origin: baseURL!.replace(/^http:/, "https:") },
  ]) {
    const response = await page.request.post("/grand-hotel/reservations", { headers, data: "[]", maxRedirects: 0 });
    expect(response.status(), headers.origin).toBe(403);
    expect(await response.text()).toBe("Cross-site request refused.");
  }

  // The same session in the browser: saving a change (a server action) works. (A change that adds nothing other
  // specs count: the alert e-mail choices, saved as they are.)
  await page.goto("/account/notifications");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Your alert e-mail choices were saved.")).toBeVisible();
});

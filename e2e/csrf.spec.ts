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

  // The same session in the browser: creating a reservation (a server action) works.
  await page.goto("/grand-hotel/reservations");
  await page.getByRole("button", { name: "New reservation" }).click();
  const dialog = page.getByRole("dialog", { name: "New reservation" });
  await dialog.getByLabel("First name").fill("Csrf");
  await dialog.getByLabel("Last name").fill(`Check${Date.now().toString(36)}`);
  await dialog.getByLabel("Room").selectOption({ index: 2 });
  await dialog.getByLabel("Arrival").fill("2033-02-01");
  await dialog.getByLabel("Departure").fill("2033-02-03");
  await dialog.getByLabel("Adults").fill("1");
  await dialog.getByLabel(/Total/).fill("100.00");
  await dialog.getByRole("button", { name: "Create reservation" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: /Reservation GH-[A-Z0-9]{6} created/ })).toBeVisible();
});

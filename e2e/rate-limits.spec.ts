import { expect, test, type Page } from "@playwright/test";
import { seriousViolations, signIn } from "./helpers";

const PAGE = "/grand-hotel/settings/api-access/keys";

async function saveLimits(page: Page, perSecond: string, burst: string, perDay: string) {
  await page.getByLabel("Requests per second").fill(perSecond);
  await page.getByLabel("Burst").fill(burst);
  await page.getByLabel("Requests per day").fill(perDay);
  await page.getByRole("button", { name: "Save limits" }).click();
  // A toast says so wherever the manager is looking, and only the toast.
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "API settings saved" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Rate limits and partner keys" }).getByText("API settings saved")).toHaveCount(0);
  // The toast reads clearly (contrast) and sits clear of the page header's links.
  expect(await seriousViolations(page, "[data-sonner-toast]")).toEqual([]);
}

test("an owner lowers the property's rate limit in API Access and the API honours it", async ({ page, request }) => {
  await signIn(page, "owner@demo.test");
  await page.goto(PAGE);
  // Invalid limits: a field error, nothing saved.
  await page.getByLabel("Burst").fill("0");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "At least 1" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct the highlighted fields." })).toBeVisible();
  await saveLimits(page, "1", "2", "10000");
  await expect(page.getByText(/1 requests per second with bursts of 2/)).toBeVisible();

  try {
    await page.getByRole("button", { name: "Create API key" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(`Limited ${Date.now().toString(36)}`);
    await dialog.getByRole("button", { name: "Create key" }).click();
    const key = (await dialog.getByTestId("issued-key-live").textContent())!.trim();
    await dialog.getByRole("button", { name: "I’ve stored it safely" }).click();

    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof request.get>> | null = null;
    for (let i = 0; i < 4; i++) {
      const response = await request.get("/api/v1/properties", { headers: { Authorization: `Bearer ${key}` } });
      statuses.push(response.status());
      if (response.status() === 429) limited = response;
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 429]);
    expect(Number(limited!.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(limited!.headers()["ratelimit-policy"]).toBe('"burst";q=2;w=2, "daily";q=10000;w=86400');
    expect(((await limited!.json()) as { code: string }).code).toBe("RATE_LIMITED");
  } finally {
    await page.goto(PAGE);
    await saveLimits(page, "5", "10", "10000");
  }
});

test("an admin sees the limits but cannot change them", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { name: "Rate limits and partner keys" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save limits" })).toHaveCount(0);
});

// Integration health end to end: an integrator's mixed calls show on the Overview (the chart, and
// NOT_FOUND grouped under GET /reservations/{id}); an endpoint at a closed port raises a "failing" alert
// in the bell and an e-mail to a real SMTP server this spec starts; the alert's action opens the deliveries.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { startMailCatcher } from "../test/mail-catcher";
import { closedPort, seriousViolations, signIn } from "./helpers";
import { E2E_SMTP_PORT } from "./smtp-port";

const BASE = "/grand-hotel/settings/api-access";

let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
test.beforeAll(async () => {
  catcher = await startMailCatcher(E2E_SMTP_PORT);
});
test.afterAll(() => catcher.close());

async function createKey(page: Page, name: string): Promise<string> {
  await page.goto(`${BASE}/keys`);
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Full access – edit").check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const key = (await dialog.getByTestId("issued-key-live").textContent())!.trim();
  await dialog.getByRole("button", { name: "I’ve stored it safely" }).click();
  return key;
}

/** An integrator's call, paced under the demo property's 5 requests a second. */
async function api(request: APIRequestContext, key: string, method: "GET" | "POST" | "DELETE", path: string, body?: unknown) {
  await new Promise((resolve) => setTimeout(resolve, 250));
  const response = await request.fetch(`/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(method === "POST" ? { "idempotency-key": crypto.randomUUID() } : {}) },
    data: body,
  });
  return { status: response.status(), body: (await response.json()) as { data: unknown } };
}

test("the Overview charts an integrator's calls and groups its errors; a failing endpoint rings the bell and mails the admin", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  await signIn(page, "admin@demo.test");
  const key = await createKey(page, `Health e2e ${run}`);

  // Mixed calls: successes, NOT_FOUND on one reservation path, a validation error.
  for (let i = 0; i < 3; i++) expect((await api(request, key, "GET", "/reservations?limit=5")).status).toBe(200);
  for (let i = 0; i < 3; i++) expect((await api(request, key, "GET", `/reservations/res_gone_${run}_${i}`)).status).toBe(404);
  expect((await api(request, key, "GET", "/reservations?limit=0")).status).toBe(400);

  // An endpoint at a closed port, then three events for it.
  const description = `Closed port ${run}`;
  const created = await api(request, key, "POST", "/webhook-endpoints", {
    url: `http://127.0.0.1:${await closedPort()}/hooks`,
    eventTypes: ["reservation.created"],
    description,
  });
  expect(created.status).toBe(201);
  const endpointId = (created.body.data as { id: string }).id;
  // Three test events from the endpoint's page: three attempts at a closed port.
  await page.goto(`${BASE}/webhooks/${endpointId}`);
  const send = page.getByRole("button", { name: "Send test event" });
  for (let i = 0; i < 3; i++) {
    await send.click();
    await expect(send).toHaveText("Send test event");
  }

  try {
    // The Overview: the chart, and NOT_FOUND grouped under GET /reservations/{id} with this run's 3.
    await page.goto(BASE);
    await expect(page.getByRole("navigation", { name: "API Access" }).getByRole("link", { name: "Overview" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(page.getByTestId("requests-chart").locator("svg.recharts-surface").first()).toBeVisible();
    const notFound = page.getByTestId("error-group").filter({ hasText: "NOT_FOUND" }).filter({ hasText: "GET /reservations/{id}" });
    await expect(notFound).toHaveCount(1);
    const count = Number(await notFound.locator("td").nth(2).textContent());
    expect(count).toBeGreaterThanOrEqual(3);
    const health = page.getByTestId("integration-health").filter({ hasText: `Health e2e ${run}` });
    await expect(health).toContainText("requests");
    const keyPage = (await health.getByRole("link").getAttribute("href"))!;

    // The key's page: its usage, and NOT_FOUND among its error codes.
    await page.goto(keyPage);
    await expect(page.getByRole("heading", { name: `Health e2e ${run}` })).toBeVisible();
    await expect(page.getByTestId("top-route").filter({ hasText: "GET /reservations/{id}" })).toContainText("3");
    await expect(page.getByTestId("error-group").filter({ hasText: "NOT_FOUND" })).toHaveCount(1);
    // An alert's "Roll the key…" opens the Keys tab with that key's roll dialog.
    await page.goto(`${BASE}/keys?roll=${keyPage.split("/").pop()}`);
    await expect(page.getByRole("dialog")).toContainText(`Health e2e ${run}`);
    await page.keyboard.press("Escape");
    await page.goto(BASE);

    // The group's code opens the logs filtered to it.
    await notFound.getByRole("link").click();
    await expect(page).toHaveURL(/\/logs\?.*code=NOT_FOUND/);
    await expect(page.getByRole("textbox", { name: "Operation" })).toHaveValue("/reservations/{id}");

    // The bell rings with the failing alert (raised when the third attempt failed).
    await page.goto(BASE);
    const bell = page.getByTestId("alert-bell").filter({ visible: true });
    await expect(async () => {
      await page.reload();
      await expect(bell).toHaveAccessibleName(/Alerts, \d+ unread/, { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await bell.click();
    const dialog = page.getByRole("dialog", { name: "Alerts" });
    const item = dialog.getByTestId("alert-item").filter({ hasText: `Webhook endpoint failing: ${description}` });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText("in a row failed since");
    expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);

    // The same alert by e-mail, to the admin.
    await expect
      .poll(() => catcher.mails.find((m) => m.to.includes("admin@demo.test") && m.raw.includes(description))?.raw ?? "", {
        timeout: 30_000,
      })
      .toContain(`/grand-hotel/settings/api-access/webhooks/${endpointId}`);

    // Its action opens the endpoint's deliveries; the bell has nothing unread any more.
    await item.getByRole("link", { name: "Open deliveries" }).click();
    await expect(page).toHaveURL(new RegExp(`/webhooks/${endpointId}$`));
    await expect(page.getByTestId("webhook-endpoint")).toContainText(description);
    await expect(page.getByTestId("alert-bell").filter({ visible: true })).toHaveAccessibleName("Alerts");
  } finally {
    await api(request, key, "DELETE", `/webhook-endpoints/${endpointId}`);
  }
});

import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { childProcessEnv } from "../lib/env";
import { signIn } from "./helpers";

const LOGS = "/grand-hotel/settings/api-access/logs";

/** An integrator's key: the operator CLI joins the running app's embedded database. */
function createKey(name: string): string {
  const output = execFileSync(
    "npm",
    ["run", "--silent", "keys", "--", "create", "--property", "grand-hotel", "--name", name, "--scopes", "full_access:write"],
    { env: childProcessEnv({ PGLITE_DATA_DIR: ".data/e2e" }), encoding: "utf8" },
  );
  return /(pms_live_\S+)/.exec(output)![1]!;
}

async function getReservations(request: APIRequestContext, key: string) {
  const response = await request.get("/api/v1/reservations?limit=1", { headers: { Authorization: `Bearer ${key}` } });
  expect(response.status()).toBe(200);
  return response.headers()["x-request-id"]!;
}

test("a manager filters the logs by 4xx and date range, opens an entry, sees its key and response headers, and the URL keeps the view", async ({
  page,
  context,
  request,
}) => {
  const name = `Logs ${Date.now().toString(36)}`;
  const key = createKey(name);
  const auth = { Authorization: `Bearer ${key}` };
  await getReservations(request, key);
  expect((await request.get("/api/v1/reservations?limit=0", { headers: auth })).status()).toBe(400);
  const invalid = await request.post("/api/v1/reservations", {
    headers: { ...auth, "Idempotency-Key": "e2e-logs-1" },
    data: { roomId: "nope", adults: 0 },
  });
  expect(invalid.status()).toBe(400);
  const requestId = invalid.headers()["x-request-id"]!;

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "manager@demo.test");
  await page.goto(LOGS);
  await page.getByLabel("Status").fill("4xx");
  await page.getByLabel("Date range").selectOption("24h");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=4xx/);
  await expect(page).toHaveURL(/range=24h/);

  const rows = page.getByTestId("log-row");
  await expect(rows.first()).toBeVisible();
  const statuses = await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-status"))));
  expect(statuses.length).toBeGreaterThanOrEqual(2);
  expect(statuses.every((s) => s >= 400 && s < 500)).toBe(true);

  const post = rows.filter({ hasText: "POST" }).first();
  // The key's name, its mode and last four; the status in words beside its code.
  await expect(post).toContainText(name);
  await expect(post).toContainText(`live …${key.slice(-4)}`);
  await expect(post).toContainText("400 Invalid request");
  await expect(post).toContainText("VALIDATION_ERROR");
  await post.click();
  const detail = page.getByTestId("log-detail").filter({ visible: true });
  await expect(detail).toContainText(requestId);
  await expect(detail.getByRole("region", { name: "Request body" })).toContainText('"adults": 0');
  await expect(detail.getByRole("region", { name: "Response body" })).toContainText('"code": "VALIDATION_ERROR"');
  await expect(detail.getByRole("region", { name: "Request headers" })).toContainText('"authorization": "[REDACTED]"');
  await expect(detail.getByRole("region", { name: "Response headers" })).toContainText(`"x-request-id": "${requestId}"`);
  await detail.getByRole("button", { name: "Copy as curl" }).click();
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).toContain("curl -X POST");
  expect(curl).toContain("/api/v1/reservations");
  expect(curl).toContain("Authorization: Bearer $PMS_API_KEY");
  expect(curl).toContain("idempotency-key: e2e-logs-1");
  expect(curl).not.toContain(key);

  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByLabel("Status")).toHaveValue("4xx");
  await expect(page.getByLabel("Date range")).toHaveValue("24h");
  expect(await page.getByTestId("log-row").evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-status"))))).toEqual(statuses);
});

test("a copied curl command, run by a shell with the key set, repeats the call and gets 200", async ({ page, context, request }) => {
  const key = createKey(`Curl ${Date.now().toString(36)}`);
  const requestId = await getReservations(request, key);

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "manager@demo.test");
  await page.goto(`${LOGS}?requestId=${requestId}`);
  const row = page.getByTestId("log-row");
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: /show details/ }).click();
  const detail = page.getByTestId("log-detail").filter({ visible: true });
  await detail.getByRole("button", { name: "Copy as curl" }).click();
  await expect(detail.getByRole("button", { name: "Copied" })).toBeVisible();
  const command = await page.evaluate(() => navigator.clipboard.readText());
  expect(command).not.toContain(key);

  const { stdout } = await promisify(execFile)("bash", ["-c", `${command} -s -o /dev/null -w '%{http_code}'`], {
    env: { ...process.env, PMS_API_KEY: key },
  });
  expect(stdout).toBe("200");
  // Without the key the same command is refused: the 200 came from the substituted variable.
  const { stdout: without } = await promisify(execFile)("bash", ["-c", `${command} -s -o /dev/null -w '%{http_code}'`], {
    env: { ...process.env, PMS_API_KEY: "" },
  });
  expect(without).toBe("401");
});

test("filters that cannot apply say why, custom dates appear only for Custom, and an empty result offers Clear filters", async ({
  page,
}) => {
  await signIn(page, "manager@demo.test");
  await page.goto(LOGS);
  const status = page.getByLabel("Status");
  await status.fill("abc");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(status).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("A status code like 404 or a class like 4xx")).toBeVisible();
  await expect(page).not.toHaveURL(/status=/);
  await status.fill("");

  await expect(page.getByLabel("From", { exact: true })).toHaveCount(0);
  await page.getByLabel("Date range").selectOption("custom");
  await page.getByLabel("From", { exact: true }).fill("2026-11-20T10:00");
  await page.getByLabel("To", { exact: true }).fill("2026-11-19T10:00");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByLabel("From", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("From must be before To")).toBeVisible();
  await expect(page).not.toHaveURL(/from=/);
  await page.getByLabel("Date range").selectOption("");
  await expect(page.getByLabel("From", { exact: true })).toHaveCount(0);

  // A refused value in a shared URL is named, not silently dropped.
  await page.goto(`${LOGS}?status=abc`);
  await expect(page.getByRole("status").filter({ hasText: "Ignored the Status filter “abc”" })).toBeVisible();

  await expect(status).toHaveAttribute("aria-invalid", "true");
  await status.fill("");
  await page.getByLabel("Path contains").fill("/no-such-path-ever");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/path=/);
  await expect(page.getByText("No entries match these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/\?/);
  await expect(page.getByTestId("log-row").first()).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("log entries are cards whose details open with a button and fit the screen", async ({ page, request }) => {
    const key = createKey(`Phone ${Date.now().toString(36)}`);
    const requestId = await getReservations(request, key);
    await signIn(page, "manager@demo.test");
    await page.goto(`${LOGS}?requestId=${requestId}`);
    await expect(page.getByTestId("log-row").filter({ visible: true })).toHaveCount(0);
    const card = page.getByTestId("log-card").filter({ visible: true });
    await expect(card).toHaveCount(1);
    // The filters fold behind one button, so the entry is on the first screen; the button counts what is applied.
    await expect(card).toBeInViewport();
    const filters = page.getByRole("button", { name: "Filters (1 active)" });
    await expect(page.getByLabel("Request id")).toBeHidden();
    await filters.click();
    await expect(page.getByLabel("Request id")).toHaveValue(requestId);
    await page.getByRole("button", { name: "Hide filters (1 active)" }).click();
    await expect(page.getByLabel("Request id")).toBeHidden();
    await expect(card).toContainText("200 OK");
    await expect(card).toContainText("GET /api/v1/reservations");
    const open = card.getByRole("button", { name: /show details/ });
    await expect(open).toHaveAttribute("aria-expanded", "false");
    await open.click();
    await expect(card.getByRole("button", { name: /hide details/ })).toHaveAttribute("aria-expanded", "true");
    const detail = card.getByTestId("log-detail");
    await expect(detail).toContainText(requestId);
    await expect(detail.getByRole("region", { name: "Response headers" })).toContainText(requestId);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

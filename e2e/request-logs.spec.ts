import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { childProcessEnv } from "../lib/env";
import { signIn } from "./helpers";

test("a manager filters the logs by 4xx and date range, opens an entry, copies it as curl, and the URL keeps the view", async ({
  page,
  context,
  request,
}) => {
  // An integrator's calls: the operator CLI joins the running app's embedded database.
  const output = execFileSync(
    "npm",
    [
      "run",
      "--silent",
      "keys",
      "--",
      "create",
      "--property",
      "grand-hotel",
      "--name",
      `Logs ${Date.now().toString(36)}`,
      "--scopes",
      "full_access:write",
    ],
    {
      env: childProcessEnv({ PGLITE_DATA_DIR: ".data/e2e" }),
      encoding: "utf8",
    },
  );
  const key = /(pms_live_\S+)/.exec(output)![1]!;
  const auth = { Authorization: `Bearer ${key}` };
  expect((await request.get("/api/v1/reservations?limit=1", { headers: auth })).status()).toBe(200);
  expect((await request.get("/api/v1/reservations?limit=0", { headers: auth })).status()).toBe(400);
  const invalid = await request.post("/api/v1/reservations", {
    headers: { ...auth, "Idempotency-Key": "e2e-logs-1" },
    data: { roomId: "nope", adults: 0 },
  });
  expect(invalid.status()).toBe(400);
  const requestId = invalid.headers()["x-request-id"]!;

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "manager@demo.test");
  await page.goto("/grand-hotel/settings/api-access/logs");
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
  await post.click();
  const detail = page.getByTestId("log-detail");
  await expect(detail).toContainText(requestId);
  await expect(detail.getByRole("region", { name: "Request body" })).toContainText('"adults": 0');
  await expect(detail.getByRole("region", { name: "Response body" })).toContainText('"code": "VALIDATION_ERROR"');
  await expect(detail.getByRole("region", { name: "Request headers" })).toContainText('"authorization": "[REDACTED]"');
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

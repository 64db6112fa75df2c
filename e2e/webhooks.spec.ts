import AxeBuilder from "@axe-core/playwright";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { signIn } from "./helpers";

const WEBHOOKS = "/grand-hotel/settings/api-access/webhooks";

interface Received {
  headers: Record<string, string>;
  body: string;
  /** The secrets (of those the receiver holds) whose signature verified. */
  verifiedWith: string[];
}

/** A real receiver on this machine: verifies each request as an integrator would and answers 200 when one secret verifies. */
async function startReceiver(answer: "verify" | 500 = "verify") {
  const received: Received[] = [];
  const secrets: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : (value ?? "")]),
      );
      const verifiedWith = secrets.filter((secret) => {
        try {
          new Webhook(secret).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      received.push({ headers, body, verifiedWith });
      const ok = answer === "verify" && verifiedWith.length > 0;
      res.writeHead(ok ? 200 : answer === 500 ? 500 : 401, { "content-type": "application/json", "x-receiver": "e2e" });
      res.end(JSON.stringify(ok ? { received: true } : { error: answer === 500 ? "boom" : "bad signature" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/pms`,
    received,
    secrets,
    ofType: (type: string) => received.filter((r) => (JSON.parse(r.body) as { type: string }).type === type),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function copySecret(page: Page, scope: Locator, testId: string): Promise<string> {
  const button = scope.getByRole("button", { name: "Copy signing secret" });
  await button.click();
  await expect(button).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  await expect(scope.getByTestId(testId)).toHaveText(copied);
  expect(copied).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  return copied;
}

/** A live API key with write access, made in the Keys tab the way an admin would. */
async function createApiKey(page: Page): Promise<string> {
  await page.goto("/grand-hotel/settings/api-access/keys");
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(`Webhooks e2e ${Date.now().toString(36)}`);
  await dialog.getByLabel("Full access – edit").check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const key = (await dialog.getByTestId("issued-key-live").textContent())!.trim();
  await dialog.getByRole("button", { name: "I’ve stored it safely" }).click();
  return key;
}

test("an admin adds an endpoint for reservation.created, the API's reservation reaches it signed, and the admin opens and resends the delivery", async ({
  page,
  context,
  request,
  browser,
}) => {
  test.setTimeout(150_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const receiver = await startReceiver();
  let added = false;
  try {
    await signIn(page, "admin@demo.test");
    const key = await createApiKey(page);

    // Add the endpoint; the form refuses no events and a non-http URL, each under its field.
    await page.goto(WEBHOOKS);
    await page.getByRole("button", { name: "Add endpoint" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Endpoint URL").fill("ftp://example.com/hooks");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await expect(dialog.getByRole("alert").filter({ hasText: "Choose at least one event" })).toBeVisible();
    await dialog.getByRole("checkbox", { name: /^reservation\.created/ }).check();
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await expect(dialog.getByRole("alert").filter({ hasText: "The URL must start with https://." })).toBeVisible();
    await expect(dialog.getByLabel("Endpoint URL")).toHaveAttribute("aria-invalid", "true");
    await dialog.getByLabel("Endpoint URL").fill(receiver.url);
    await dialog.getByLabel("Description (optional)").fill("E2E receiver");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await expect(dialog.getByRole("heading", { name: "Endpoint added" })).toBeVisible();
    added = true;
    const secret = await copySecret(page, dialog, "issued-webhook-secret");
    receiver.secrets.push(secret);
    await dialog.getByRole("button", { name: "I’ve stored it safely" }).click();

    const card = page.getByRole("article", { name: receiver.url });
    await expect(card).toContainText("E2E receiver");
    await expect(card).toContainText("reservation.created");
    await expect(card).toContainText("Enabled");
    await expect(card.getByTestId("webhook-success-rate")).toHaveText("No deliveries in 24 hours");
    // The secret is hidden on the card until asked for, and then it is the same one.
    await expect(card.getByTestId("webhook-secret")).toHaveCount(0);
    await card.getByRole("button", { name: "Reveal secret" }).click();
    await expect(card.getByTestId("webhook-secret")).toHaveText(secret);
    await card.getByRole("button", { name: "Hide secret" }).click();

    // An integrator creates a reservation through the API.
    const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, "0");
    const created = await request.post("/api/v1/reservations", {
      headers: { Authorization: `Bearer ${key}`, "Idempotency-Key": `e2e-webhooks-${Date.now()}` },
      data: {
        guest: { firstName: "Wendy", lastName: "Hook", email: "wendy.hook@example.com" },
        roomId: "gh_room_7",
        arrivalDate: `2036-${month}-10`,
        departureDate: `2036-${month}-13`,
        adults: 2,
        totalAmount: 45000,
      },
    });
    expect(created.status()).toBe(201);
    const reservation = ((await created.json()) as { data: { id: string; code: string } }).data;

    // The receiver gets it, signed with the copied secret.
    await expect.poll(() => receiver.ofType("reservation.created").length, { timeout: 15_000 }).toBe(1);
    const first = receiver.ofType("reservation.created")[0]!;
    expect(first.verifiedWith).toEqual([secret]);
    expect(JSON.parse(first.body)).toMatchObject({
      type: "reservation.created",
      data: { reservation: { id: reservation.id, code: reservation.code } },
    });
    const webhookId = first.headers["webhook-id"]!;
    expect(webhookId).toMatch(/^msg_/);

    // The card follows by itself: the last delivery and the 24-hour success rate.
    await expect(card.getByTestId("webhook-last-delivery")).toContainText("200", { timeout: 15_000 });
    await expect(card.getByTestId("webhook-last-delivery")).toContainText("reservation.created");
    await expect(card.getByTestId("webhook-success-rate")).toContainText("100%");

    // Recent deliveries: the row with 200, the filters in the URL.
    await card.getByRole("link", { name: "View recent deliveries" }).click();
    await expect(page).toHaveURL(/\/webhooks\/we_[0-9a-f]+$/);
    const endpointPage = page.url();
    const row = page.getByTestId("delivery-row").filter({ hasText: webhookId });
    await expect(row).toHaveAttribute("data-status", "SUCCEEDED");
    await expect(row).toContainText("reservation.created");
    await expect(row).toContainText("200");
    await page.getByLabel("Status").selectOption("failed");
    await expect(page).toHaveURL(/status=failed/);
    await expect(page.getByText("No deliveries match")).toBeVisible();
    await page.getByLabel("Status").selectOption("succeeded");
    await page.getByLabel("Event type").selectOption("reservation.created");
    await expect(page).toHaveURL(/status=succeeded&eventType=reservation\.created/);
    await expect(row).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Status")).toHaveValue("succeeded");
    await expect(row).toBeVisible();
    await page.goto(endpointPage);

    // Open it: the attempt's request and response.
    await row.getByRole("button", { name: /reservation\.created/ }).click();
    await expect(row.getByRole("button", { name: /reservation\.created/ })).toHaveAttribute("aria-expanded", "true");
    const detail = page.getByTestId("delivery-detail").filter({ visible: true });
    const attempt1 = detail.getByRole("group", { name: "Attempt 1" });
    await expect(attempt1).toContainText("200");
    await expect(attempt1.getByRole("region", { name: "Request body" })).toContainText('"type": "reservation.created"');
    await expect(attempt1.getByRole("region", { name: "Request body" })).toContainText(reservation.id);
    await expect(attempt1.getByRole("region", { name: "Request headers" })).toContainText(`"webhook-id": "${webhookId}"`);
    await expect(attempt1.getByRole("region", { name: "Response headers" })).toContainText('"x-receiver": "e2e"');
    await expect(attempt1.getByRole("region", { name: "Response body" })).toContainText('"received": true');

    // Resend: a second attempt, the same webhook-id at the receiver.
    await detail.getByRole("button", { name: "Resend" }).click();
    // Said once, as a toast (not also beside the button).
    await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Resent with the same webhook-id." })).toBeVisible();
    await expect(detail.getByText("Resent with the same webhook-id.")).toHaveCount(0);
    await expect(detail.getByRole("group", { name: "Attempt 2" })).toContainText("200", { timeout: 15_000 });
    await expect(row.getByRole("cell").nth(2)).toHaveText("2");
    const both = receiver.ofType("reservation.created");
    expect(both).toHaveLength(2);
    expect(both[1]!.headers["webhook-id"]).toBe(webhookId);
    expect(both[1]!.body).toBe(first.body);
    expect(both[1]!.verifiedWith).toEqual([secret]);

    // A test event: a ping shows up in the list by itself.
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Test event queued" })).toHaveCount(1);
    await expect(page.getByRole("article").getByText("Test event queued")).toHaveCount(0);
    const ping = page.getByTestId("delivery-row").filter({ hasText: "ping" });
    await expect(ping).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 15_000 });
    await expect(ping).toContainText("200");

    // Rotate the secret: the old one keeps signing for 24 hours, next to the new one.
    await page.getByRole("button", { name: "Rotate secret" }).click();
    const rotate = page.getByRole("dialog");
    await expect(rotate).toContainText("keeps signing too for 24 hours");
    await rotate.getByRole("button", { name: "Rotate secret" }).click();
    await expect(rotate.getByRole("heading", { name: "Secret rotated" })).toBeVisible();
    const rotated = await copySecret(page, rotate, "rotated-webhook-secret");
    expect(rotated).not.toBe(secret);
    receiver.secrets.push(rotated);
    // Shown once, so Escape does not lose it.
    await page.keyboard.press("Escape");
    await expect(rotate.getByTestId("rotated-webhook-secret")).toHaveText(rotated);
    await rotate.getByRole("button", { name: "I’ve stored it safely" }).click();
    await expect(page.getByText(/^Rotation ends /)).toBeVisible();
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect.poll(() => receiver.ofType("ping").length, { timeout: 15_000 }).toBe(2);
    expect(receiver.ofType("ping")[1]!.verifiedWith).toEqual([secret, rotated]);

    // Replay the last three days: nothing failed, so "only failed" has nothing; "all" sends the three again,
    // each with its own webhook-id, and the progress reaches 3 of 3.
    await page.getByRole("button", { name: "Replay…" }).click();
    const replay = page.getByRole("dialog", { name: "Replay deliveries" });
    await expect(replay.getByRole("status")).toHaveText("No failed deliveries in this window.");
    await expect(replay.getByRole("button", { name: "Replay", exact: true })).toBeDisabled();
    await replay.getByRole("radio", { name: /^All of them/ }).check();
    await expect(replay.getByTestId("replay-count")).toHaveText("3 deliveries will be sent again.");
    const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await replay.getByRole("button", { name: "Replay 3 deliveries" }).click();
    await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Replaying 3 deliveries, oldest first." })).toBeVisible();
    await expect(page.getByTestId("replay-progress")).toContainText("3 of 3 sent, 3 delivered (done)", { timeout: 15_000 });
    const replayed = receiver.ofType("reservation.created");
    expect(replayed).toHaveLength(3);
    expect(replayed[2]!.headers["webhook-id"]).toBe(webhookId);
    expect(replayed[2]!.body).toBe(first.body);

    // A manager sees the endpoint and its deliveries, and nothing to change them with.
    const managerContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    try {
      const manager = await managerContext.newPage();
      await signIn(manager, "manager@demo.test");
      await manager.goto(WEBHOOKS);
      const managerCard = manager.getByRole("article", { name: receiver.url });
      await expect(managerCard).toContainText("reservation.created");
      await expect(managerCard.getByTestId("webhook-last-delivery")).toContainText("200");
      for (const name of ["Add endpoint", "Edit", "Disable", "Delete", "Send test event", "Reveal secret", "Rotate secret", "Replay…"]) {
        await expect(manager.getByRole("button", { name, exact: true })).toHaveCount(0);
      }
      await managerCard.getByRole("link", { name: "View recent deliveries" }).click();
      const managerRow = manager.getByTestId("delivery-row").filter({ hasText: webhookId });
      await managerRow.getByRole("button", { name: /reservation\.created/ }).click();
      await expect(
        manager.getByTestId("delivery-detail").filter({ visible: true }).getByRole("group", { name: "Attempt 2" }),
      ).toBeVisible();
      await expect(manager.getByRole("button", { name: "Resend" })).toHaveCount(0);
      await expect(manager.getByRole("button", { name: /^Retry/ })).toHaveCount(0);
    } finally {
      await managerContext.close();
    }
  } finally {
    // Leave the property as it was: delete the endpoint (with its confirmation).
    if (added) {
      await page.goto(WEBHOOKS);
      const card = page.getByRole("article", { name: receiver.url });
      await card.getByRole("button", { name: "Delete" }).click();
      const confirm = page.getByRole("dialog");
      await expect(confirm).toContainText("This cannot be undone.");
      await confirm.getByRole("button", { name: "Delete endpoint" }).click();
      await expect(card).toHaveCount(0);
    }
    await receiver.close();
  }
});

test("an admin sees a failing endpoint's 500 and next retry, disables it with its reason shown (its queued delivery fails), enables it, retries and edits it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const receiver = await startReceiver(500);
  let added = false;
  try {
    await signIn(page, "admin@demo.test");
    await page.goto(WEBHOOKS);
    await page.getByRole("button", { name: "Add endpoint" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Endpoint URL").fill(receiver.url);
    await dialog.getByRole("checkbox", { name: /^guest\.checked_out/ }).check();
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await expect(dialog.getByRole("heading", { name: "Endpoint added" })).toBeVisible();
    added = true;
    await dialog.getByRole("button", { name: "I’ve stored it safely" }).click();
    const card = page.getByRole("article", { name: receiver.url });

    // A test event the receiver answers with 500: the status code, and when the next try comes.
    await card.getByRole("button", { name: "Send test event" }).click();
    // Said once, as a toast that leads to the delivery.
    const queued = page.locator("[data-sonner-toast]").filter({ hasText: "Test event queued" });
    await expect(queued).toHaveCount(1);
    await expect(card.getByText("Test event queued")).toHaveCount(0);
    await queued.getByRole("button", { name: "See it" }).click();
    await expect(page).toHaveURL(/\/webhooks\/[^/?]+$/);
    const row = page.getByTestId("delivery-row").filter({ hasText: "ping" });
    await expect(row).toContainText("500");
    await expect(row).toHaveAttribute("data-status", "PENDING");
    // The schedule retries after 5 seconds, then after about 5 minutes.
    await expect(row.getByRole("cell").nth(2)).toHaveText("2", { timeout: 20_000 });
    await expect(row).toContainText(/Pending – next try in [45] minutes/);
    await row.getByRole("button", { name: /ping/ }).click();
    const attempt = page.getByTestId("delivery-detail").filter({ visible: true }).getByRole("group", { name: "Attempt 2" });
    await expect(attempt.getByRole("region", { name: "Response body" })).toContainText('"error": "boom"');
    await expect(page.getByTestId("webhook-success-rate")).toContainText("0%");
    // On a phone the same delivery is a card: plain status with its code, attempts, and its attempts (open) with Resend.
    await page.setViewportSize({ width: 390, height: 844 });
    const deliveryCard = page.getByTestId("delivery-card").filter({ hasText: "ping" });
    await expect(deliveryCard).toBeVisible();
    await expect(row).toBeHidden();
    await expect(deliveryCard).toContainText(/Pending – next try in [45] minutes\s*HTTP 500/);
    await expect(deliveryCard).toContainText("2 attempts");
    await expect(deliveryCard.getByRole("button", { name: /^Hide attempts/ })).toHaveAttribute("aria-expanded", "true");
    await expect(deliveryCard.getByRole("button", { name: "Resend" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 720 });
    // Nothing has failed yet (it is still being retried): Retry failed is disabled and says why.
    const retryFailed = page.getByRole("button", { name: /^Retry/ });
    await expect(retryFailed).toBeDisabled();
    await expect(retryFailed).toHaveAccessibleName(/No failed deliveries to retry/);

    // Disable, with confirmation: the reason shows prominently, with Enable.
    await page.getByRole("button", { name: "Disable", exact: true }).click();
    await expect(page.getByRole("dialog")).toContainText("not sent, not even later");
    await page.getByRole("dialog").getByRole("button", { name: "Disable endpoint" }).click();
    const banner = page.getByRole("note", { name: "Endpoint disabled" });
    await expect(banner).toContainText("Disabled by Adam Admin");
    // The Disable button is gone, so focus lands on the banner's Enable instead of the page's top.
    await expect(banner.getByRole("button", { name: "Enable" })).toBeFocused();
    await expect(page.getByRole("button", { name: "Send test event" })).toBeDisabled();
    await expect(retryFailed).toBeDisabled();
    await expect(page.getByRole("button", { name: "Resend" })).toBeDisabled();
    // Its delivery waiting for a retry failed with it...
    await expect(row).toHaveAttribute("data-status", "FAILED");
    await expect(row).toContainText("Failed");
    await banner.getByRole("button", { name: "Enable" }).click();
    await expect(banner).toHaveCount(0);
    await expect(page.getByText("Enabled", { exact: true })).toBeVisible();
    // ...and "Retry all failed" sends it again once the endpoint is enabled.
    await page.getByRole("button", { name: "Retry 1 failed" }).click();
    await expect(page.locator("[data-sonner-toast]").filter({ hasText: "1 failed delivery queued for another attempt." })).toHaveCount(1);
    await expect(page.getByRole("main").getByText("1 failed delivery queued for another attempt.")).toHaveCount(0);
    await expect(retryFailed).toHaveAccessibleName(/No failed deliveries to retry/);
    await expect(row.getByRole("cell").nth(2)).toHaveText("3", { timeout: 20_000 });

    // Edit: subscribe to one more event type.
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const edit = page.getByRole("dialog");
    await expect(edit.getByLabel("Endpoint URL")).toHaveValue(receiver.url);
    await edit.getByRole("checkbox", { name: /^reservation\.cancelled/ }).check();
    await edit.getByRole("button", { name: "Save endpoint" }).click();
    await expect(edit).toHaveCount(0);
    await expect(page.getByRole("article", { name: receiver.url })).toContainText("reservation.cancelled");
  } finally {
    if (added) {
      await page.goto(WEBHOOKS);
      const card = page.getByRole("article", { name: receiver.url });
      await card.getByRole("button", { name: "Delete" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Delete endpoint" }).click();
      await expect(card).toHaveCount(0);
    }
    await receiver.close();
  }
});

test("an admin adds an endpoint that asks for the current state first: stays in house or arriving within 7 days arrive as reservation.snapshot, signed", async ({
  page,
}) => {
  const receiver = await startReceiver();
  let added = false;
  try {
    await signIn(page, "admin@demo.test");
    await page.goto(WEBHOOKS);
    await page.getByRole("button", { name: "Add endpoint" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Endpoint URL").fill(receiver.url);
    await dialog.getByRole("checkbox", { name: /^guest\.checked_in/ }).check();
    await dialog.getByRole("checkbox", { name: /Send the current state first/ }).check();
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await expect(dialog.getByRole("heading", { name: "Endpoint added" })).toBeVisible();
    added = true;
    receiver.secrets.push((await dialog.getByTestId("issued-webhook-secret").textContent())!.trim());
    await dialog.getByRole("button", { name: "I’ve stored it safely" }).click();

    // The snapshot shows in the endpoint's deliveries; each is delivered once the receiver knows the secret.
    await page.getByRole("article", { name: receiver.url }).getByRole("link", { name: "View recent deliveries" }).click();
    const rows = page.getByTestId("delivery-row").filter({ hasText: "reservation.snapshot" });
    await expect(rows.first()).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 20_000 });
    const snapshots = receiver.ofType("reservation.snapshot").filter((r) => r.verifiedWith.length > 0);
    expect(snapshots.length).toBeGreaterThan(0);
    const inAWeek = new Date(Date.now() + 8 * 24 * 3_600_000).toISOString().slice(0, 10);
    for (const snapshot of snapshots) {
      const { reservation } = (JSON.parse(snapshot.body) as { data: { reservation: { status: string; arrivalDate: string } } }).data;
      expect(["CHECKED_IN", "CONFIRMED"]).toContain(reservation.status);
      if (reservation.status === "CONFIRMED") expect(reservation.arrivalDate <= inAWeek).toBe(true);
    }
  } finally {
    if (added) {
      await page.goto(WEBHOOKS);
      const card = page.getByRole("article", { name: receiver.url });
      await card.getByRole("button", { name: "Delete" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Delete endpoint" }).click();
      await expect(card).toHaveCount(0);
    }
    await receiver.close();
  }
});

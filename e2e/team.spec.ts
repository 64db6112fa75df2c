import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { invitationLinkIn, startMailCatcher } from "../test/mail-catcher";
import { DEMO_PASSWORD, signIn } from "./helpers";
import { E2E_SMTP_PORT } from "./smtp-port";

let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
test.beforeAll(async () => {
  catcher = await startMailCatcher(E2E_SMTP_PORT);
});
test.afterAll(() => catcher.close());

/** Sudo mode: should "Confirm access" ever ask (the sign-in was over 10 minutes ago), answer with the password. */
async function confirmAccessWhenAsked(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Confirm access" });
  await page.addLocatorHandler(dialog, async () => {
    await dialog.getByLabel("Password").fill(DEMO_PASSWORD);
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(dialog).toBeHidden();
  });
}

async function openTeam(page: Page, slug: string) {
  await page.goto(`/${slug}/reservations`);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { name: "Team", level: 1 })).toBeVisible();
}

test("an owner invites a new manager by email, who joins from the mailed link", async ({ page, browser }) => {
  const email = `new-manager-${randomBytes(4).toString("hex")}@example.com`;
  await signIn(page, "owner@demo.test");
  await confirmAccessWhenAsked(page);
  await openTeam(page, "grand-hotel");

  await page.getByRole("button", { name: "Invite member" }).click();
  const invite = page.getByRole("dialog", { name: "Invite a member" });
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role").selectOption({ label: "Manager" });
  await invite.getByRole("button", { name: "Send invitation" }).click();
  const created = page.getByRole("dialog", { name: "Invitation created" });
  await expect(created.getByRole("status")).toHaveText(`${email} is invited as Manager. We e-mailed the link too.`);
  // The dialog is the answer: no toast says it again.
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0);
  const shownLink = await created.getByTestId("invitation-link").textContent();

  // The mail a real SMTP server received carries the same link.
  const mail = await catcher.mailTo(email);
  expect(mail.raw).toContain("Olivia Owner invited you to join Grand Hotel as Manager.");
  const link = invitationLinkIn(mail);
  expect(link).toBe(shownLink);
  await created.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toContainText("Olivia Owner");

  // The invitee, in a browser of their own, sets a name and password and lands in the dashboard.
  const invitee = await browser.newContext();
  const newcomer = await invitee.newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { name: "Join Grand Hotel" })).toBeVisible();
  await newcomer.getByLabel("Your name").fill("Nora Newcomer");
  await newcomer.getByLabel("Password", { exact: true }).fill("a-long-new-password");
  await newcomer.getByLabel("Confirm password").fill("a-long-new-password");
  await newcomer.getByRole("button", { name: "Create account and join" }).click();
  await expect(newcomer).toHaveURL(/\/grand-hotel\/reservations$/);
  await expect(newcomer.getByText("Nora Newcomer")).toBeVisible();

  // The link worked once.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(link);
  await expect(stranger.getByRole("main").getByRole("alert")).toHaveText("This invitation has already been used. Each link works once.");
  await invitee.close();

  await page.reload();
  const row = page.getByTestId("member-row").filter({ hasText: email });
  await expect(row).toContainText("Nora Newcomer");
  await expect(row).toContainText("Manager");
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toHaveCount(0);

  // A change is said once, as a toast; its dialog closes.
  const toasts = page.locator("[data-sonner-toast]");
  await row.getByRole("button", { name: /^Change role of / }).click();
  const roleDialog = page.getByRole("dialog", { name: /^Change the role of / });
  await roleDialog.getByLabel("New role").selectOption({ label: "Staff" });
  await roleDialog.getByRole("button", { name: "Save role" }).click();
  await expect(roleDialog).toBeHidden();
  await expect(toasts.filter({ hasText: "Nora Newcomer is now Staff." })).toHaveCount(1);
  await expect(row).toContainText("Staff");
  await row.getByRole("button", { name: /^Remove / }).click();
  const removeDialog = page.getByRole("dialog", { name: /^Remove / });
  await removeDialog.getByRole("button", { name: "Remove member" }).click();
  await expect(removeDialog).toBeHidden();
  await expect(toasts.filter({ hasText: "Nora Newcomer was removed from Grand Hotel." })).toHaveCount(1);
  await expect(row).toHaveCount(0);
});

test("an existing user accepts by signing in as the invited address, then leaves again", async ({ page, browser }) => {
  // staff@demo.test belongs to Grand Hotel only; other specs rely on that, so this test leaves Seaside Hostel at the end.
  await signIn(page, "owner@demo.test");
  await confirmAccessWhenAsked(page);
  await openTeam(page, "seaside-hostel");
  await page.getByRole("button", { name: "Invite member" }).click();
  const invite = page.getByRole("dialog", { name: "Invite a member" });
  await invite.getByLabel("Email").fill("staff@demo.test");
  await invite.getByLabel("Role").selectOption({ label: "Staff" });
  await invite.getByRole("button", { name: "Send invitation" }).click();
  const link = invitationLinkIn(await catcher.mailTo("staff@demo.test"));

  // Signed in as someone else, the link says whom to sign in as.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@demo.test");
  await admin.goto(link);
  await expect(admin.getByRole("main").getByRole("alert")).toContainText("Sign in as staff@demo.test to accept this invitation.");

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staff.goto(link);
  await staff.getByRole("link", { name: "Sign in to accept" }).click();
  await staff.getByLabel("Email").fill("staff@demo.test");
  await staff.getByLabel("Password").fill(DEMO_PASSWORD);
  await staff.getByRole("button", { name: "Sign in" }).click();
  await staff.getByRole("button", { name: "Join Seaside Hostel" }).click();
  await expect(staff).toHaveURL(/\/seaside-hostel\/reservations$/);

  await confirmAccessWhenAsked(staff);
  await openTeam(staff, "seaside-hostel");
  await staff.getByRole("button", { name: "Leave property" }).click();
  await staff.getByRole("dialog", { name: "Leave Seaside Hostel?" }).getByRole("button", { name: "Leave property" }).click();
  await expect(staff).toHaveURL(/\/grand-hotel\/reservations$/);
  expect((await staff.goto("/seaside-hostel/reservations"))?.status()).toBe(404);
  await staffContext.close();
});

test("inviting someone who is already a member is refused with a clear message", async ({ page }) => {
  await signIn(page, "owner@demo.test");
  await confirmAccessWhenAsked(page);
  await openTeam(page, "grand-hotel");
  await page.getByRole("button", { name: "Invite member" }).click();
  const invite = page.getByRole("dialog", { name: "Invite a member" });
  await invite.getByLabel("Email").fill("Manager@Demo.test");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByRole("alert").filter({ hasText: "is already a member" })).toHaveText(
    "manager@demo.test is already a member of this property.",
  );
  // Said once, in the form: not also as a toast.
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0);
});

test("the last owner cannot leave the property", async ({ page }) => {
  await signIn(page, "owner@demo.test");
  await confirmAccessWhenAsked(page);
  await openTeam(page, "seaside-hostel");
  await page.getByRole("button", { name: "Leave property" }).click();
  const dialog = page.getByRole("dialog", { name: "Leave Seaside Hostel?" });
  await dialog.getByRole("button", { name: "Leave property" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("You are the only owner: make someone else an owner before you leave.");
  await page.reload();
  await expect(page.getByTestId("member-row").filter({ hasText: "owner@demo.test" })).toContainText("Owner");
});

test("a manager sees the team but is offered no changes", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await openTeam(page, "grand-hotel");
  await expect(page.getByTestId("member-row").filter({ hasText: "owner@demo.test" })).toContainText("Owner");
  await expect(page.getByRole("button", { name: "Invite member" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Change role of / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole("switch", { name: "Require two-factor for members who manage API access" })).toBeDisabled();
});

test("an unknown invitation link gets a clear page, not an error", async ({ page }) => {
  for (const token of ["x".repeat(43), "not-a-token"]) {
    const response = await page.goto(`/invite/${token}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Invitation not available" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "This invitation link is not valid. Check that you copied all of it.",
    );
  }
});

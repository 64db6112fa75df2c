import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// The front desk's Reservations page at a 1280 px desk screen and on a phone: it fits, every row's actions
// and the New reservation dialog are on screen, the form survives a refusal, and check-in/cancel ask first
// when they should. It books its own stays far in the future, so no demo reservation is used up.

const SCREENS = [
  {
    name: "desk",
    viewport: { width: 1280, height: 800 },
    isMobile: false,
    hasTouch: false,
    item: "reservation-row",
    other: "reservation-card",
  },
  {
    name: "phone",
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    item: "reservation-card",
    other: "reservation-row",
  },
] as const;

/** Grand Hotel's calendar day, as the server computes it. */
const viennaToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Vienna", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

async function expectInViewport(page: Page, locator: Locator, what: string) {
  const { width, height } = page.viewportSize()!;
  const box = await locator.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.x, what).toBeGreaterThanOrEqual(0);
  expect(box!.y, what).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, what).toBeLessThanOrEqual(width + 0.5);
  expect(box!.y + box!.height, what).toBeLessThanOrEqual(height + 0.5);
}

async function expectPageFits(page: Page) {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
}

for (const screen of SCREENS) {
  test.describe(`on a ${screen.name} (${screen.viewport.width}×${screen.viewport.height})`, () => {
    test.use({ viewport: screen.viewport, isMobile: screen.isMobile, hasTouch: screen.hasTouch });

    test("the page fits, today's arrivals come first, every row's actions and the new-reservation dialog are on screen", async ({
      page,
    }) => {
      await signIn(page, "manager@demo.test");
      await page.goto("/grand-hotel/reservations");
      const items = page.getByTestId(screen.item);
      await expect(items.first()).toBeVisible();
      // One layout per screen: a table at the desk, stacked cards on the phone.
      await expect(page.getByTestId(screen.other).first()).toBeHidden();
      await expectPageFits(page);

      // The default order: today's arrivals, then the next ones by arrival date.
      const arrivals = await items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-arrival") ?? ""));
      const today = viennaToday();
      expect(arrivals[0]).toBe(today);
      const upcoming = arrivals.slice(arrivals.lastIndexOf(today) + 1);
      expect(upcoming.length).toBeGreaterThan(0);
      expect(upcoming.every((date) => date > today)).toBe(true);
      expect(upcoming).toEqual([...upcoming].sort());
      await expect(page.getByLabel("Order")).toHaveValue("today");

      const count = await items.count();
      for (let i = 0; i < count; i++) {
        const buttons = items.nth(i).getByRole("button");
        for (let j = 0; j < (await buttons.count()); j++) {
          const button = buttons.nth(j);
          await button.scrollIntoViewIfNeeded();
          await expectInViewport(
            page,
            button,
            `${await items.nth(i).getAttribute("data-code")}: ${await button.getAttribute("aria-label")}`,
          );
        }
      }
      // Cancel is quiet: a ghost button, never the red one beside Check in.
      const cancel = items.first().getByRole("button", { name: /^Cancel/ });
      if (await cancel.count())
        expect(await cancel.first().evaluate((node) => getComputedStyle(node).backgroundColor)).not.toBe("rgb(220, 38, 38)");

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole("button", { name: "New reservation" }).click();
      const dialog = page.getByRole("dialog", { name: "New reservation" });
      await expect(dialog).toBeVisible();
      await expectInViewport(page, dialog, "New reservation dialog");
      const create = dialog.getByRole("button", { name: "Create reservation" });
      await create.scrollIntoViewIfNeeded();
      await expectInViewport(page, create, "Create reservation button");
      await expectPageFits(page);
    });
  });
}

test.describe("on a phone, booking and checking in early", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the form keeps what was typed after a refusal, a check-in before the day before arrival asks first, cancel asks first", async ({
    page,
  }) => {
    await signIn(page, "manager@demo.test");
    await page.goto("/grand-hotel/reservations");
    const guest = `Early${Date.now().toString(36)}`;
    const dialog = page.getByRole("dialog", { name: "New reservation" });

    async function book(lastName: string, arrival: string, departure: string, roomIndex: number) {
      await page.getByRole("button", { name: "New reservation" }).click();
      await dialog.getByLabel("First name").fill("Ida");
      await dialog.getByLabel("Last name").fill(lastName);
      await dialog.getByLabel("Email (optional)").fill(`${lastName.toLowerCase()}@example.com`);
      await dialog.getByLabel("Room").selectOption({ index: roomIndex });
      await dialog.getByLabel("Arrival").fill(arrival);
      await dialog.getByLabel("Departure").fill(departure);
      await dialog.getByLabel("Adults").fill("1");
      await dialog.getByLabel(/Total/).fill("250.00");
      await dialog.getByLabel("Notes (optional)").fill("Late arrival, quiet room");
      await dialog.getByRole("button", { name: "Create reservation" }).click();
    }

    // The server refuses a departure before arrival: the message sits by the field, nothing typed is lost.
    await book(guest, "2033-03-10", "2033-03-08", 2);
    await expect(dialog.getByText("Departure must be after arrival", { exact: true })).toBeVisible();
    const room = await dialog.getByLabel("Room").inputValue();
    expect(room).not.toBe("");
    await expect(dialog.getByLabel("First name")).toHaveValue("Ida");
    await expect(dialog.getByLabel("Last name")).toHaveValue(guest);
    await expect(dialog.getByLabel("Email (optional)")).toHaveValue(`${guest.toLowerCase()}@example.com`);
    await expect(dialog.getByLabel("Arrival")).toHaveValue("2033-03-10");
    await expect(dialog.getByLabel("Departure")).toHaveValue("2033-03-08");
    await expect(dialog.getByLabel("Adults")).toHaveValue("1");
    await expect(dialog.getByLabel(/Total/)).toHaveValue("250.00");
    await expect(dialog.getByLabel("Notes (optional)")).toHaveValue("Late arrival, quiet room");

    await dialog.getByLabel("Departure").fill("2033-03-12");
    await dialog.getByRole("button", { name: "Create reservation" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator("[data-sonner-toast]").filter({ hasText: /Reservation GH-[A-Z0-9]{6} created/ })).toBeVisible();

    await page.goto(`/grand-hotel/reservations?q=${guest}`);
    const card = page.getByTestId("reservation-card");
    await expect(card).toHaveCount(1);
    await expect(card).toContainText("Confirmed");
    const code = (await card.getAttribute("data-code"))!;

    // Years ahead of arrival: check-in asks, and "Not yet" changes nothing.
    await card.getByRole("button", { name: `Check in ${code}` }).click();
    const early = page.getByRole("dialog", { name: "Check in early?" });
    await expect(early).toContainText("arrives on 10 Mar 2033");
    await expectInViewport(page, early, "early check-in dialog");
    await early.getByRole("button", { name: "Not yet" }).click();
    await expect(early).toBeHidden();
    await expect(card).toContainText("Confirmed");

    await card.getByRole("button", { name: `Check in ${code}` }).click();
    await early.getByRole("button", { name: "Check in now" }).click();
    await expect(page.locator("[data-sonner-toast]").filter({ hasText: `${code} is now checked in.` })).toBeVisible();
    await expect(card).toContainText("Checked in");
    await expect(card.getByRole("button", { name: `Check out ${code}` })).toBeVisible();

    // A second stay of the same guest, cancelled through its confirmation.
    await book(guest, "2033-04-10", "2033-04-12", 2);
    await expect(dialog).toBeHidden();
    await page.goto(`/grand-hotel/reservations?q=${guest}&status=CONFIRMED`);
    await expect(card).toHaveCount(1);
    const second = (await card.getAttribute("data-code"))!;
    await card.getByRole("button", { name: `Cancel ${second}` }).click();
    const confirm = page.getByRole("dialog", { name: `Cancel ${second}?` });
    await expectInViewport(page, confirm, "cancel dialog");
    await confirm.getByRole("button", { name: "Cancel reservation" }).click();
    await expect(page.locator("[data-sonner-toast]").filter({ hasText: `${second} is now cancelled.` })).toBeVisible();
    await expect(card).toHaveCount(0);
  });
});

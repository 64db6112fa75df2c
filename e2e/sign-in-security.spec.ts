// From outside, over real HTTP: a copied session cookie is worth nothing after sign-out, and guessing
// passwords for one account is throttled.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { signIn } from "./helpers";

const API_KEYS = "/api/dashboard/properties/grand-hotel/api-keys";

test("a session cookie used after sign-out gets no data", async ({ page, baseURL }) => {
  await signIn(page, "manager@demo.test");
  const cookies = await page.context().cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  expect(cookies.some((c) => c.name.includes("next-auth.session-token"))).toBe(true);

  // The copied cookie works while the session lives…
  const outsider = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie } });
  const before = await outsider.get(API_KEYS);
  expect(before.status()).toBe(200);
  expect((await (await outsider.get("/api/auth/session")).json()).user).toMatchObject({ email: "manager@demo.test" });
  expect((await before.json()).keys).toBeInstanceOf(Array);

  // …and not once the browser has signed out, though the cookie itself has not expired.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  const after = await outsider.get(API_KEYS);
  expect(after.status()).toBe(401);
  expect(await after.json()).toMatchObject({ code: "UNAUTHORIZED" });
  // next-auth's own session endpoint names nobody either.
  expect((await (await outsider.get("/api/auth/session")).json()).user).toBeUndefined();
  const pageAfter = await outsider.get("/grand-hotel/reservations", { maxRedirects: 0 });
  expect(pageAfter.status()).toBe(307);
  expect(pageAfter.headers()["location"]).toMatch(/^\/login/);
  await outsider.dispose();
});

test("twenty wrong passwords for one account are throttled, with a clear message", async ({ page, baseURL }) => {
  const email = `guess-${Date.now()}@demo.test`;
  const client = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await client.get("/api/auth/csrf")).json();
  const errors: string[] = [];
  for (let i = 0; i < 20; i++) {
    const response = await client.post("/api/auth/callback/credentials", {
      form: { email, password: `guess-${i}`, csrfToken, json: "true" },
    });
    errors.push(new URL((await response.json()).url).searchParams.get("error") ?? "none");
  }
  await client.dispose();
  expect(errors.slice(0, 5)).toEqual(Array(5).fill("CredentialsSignin"));
  expect(errors.slice(5).every((error) => /^THROTTLED:\d+$/.test(error))).toBe(true);

  // The browser says how long to wait, and nothing about whether the account exists.
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("one-more-guess");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/^Too many attempts, try again in \d+ minutes?\.$/);
});

import { describe, expect, it } from "vitest";
import { createProperty, createUser } from "../../test/fixtures";
import { can } from "./roles";
import { OPEN_REDIRECT_PAYLOADS } from "../../test/open-redirect-payloads";
import { safeCallbackUrl, sameOriginRedirect } from "./safe-callback-url";
import { configureRefusalFloor, REFUSAL_FLOOR_MS, signIn } from "./sign-in";

const client = { userAgent: "vitest", ip: null };

describe("signIn", () => {
  it("accepts the right password, case-insensitive email, and starts a session", async () => {
    const user = await createUser({ password: "s3cret-pass" });
    const outcome = await signIn({ email: user.email.toUpperCase(), password: "s3cret-pass" }, client);
    expect(outcome).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name }, sessionId: expect.any(String) });
  });

  it("answers the same 'invalid' for a wrong password, an unknown email and malformed input", async () => {
    const user = await createUser({ password: "s3cret-pass" });
    const invalid = { ok: false, reason: "invalid" };
    expect(await signIn({ email: user.email, password: "wrong" }, client)).toEqual(invalid);
    expect(await signIn({ email: "nobody@example.com", password: "s3cret-pass" }, client)).toEqual(invalid);
    expect(await signIn({ email: "not an email", password: "" }, client)).toEqual(invalid);
    expect(await signIn(undefined, client)).toEqual(invalid);
  });

  it("answers a refusal no sooner than the floor, for a known email and an unknown one alike", async () => {
    const user = await createUser({ password: "s3cret-pass" });
    configureRefusalFloor(undefined);
    try {
      for (const email of [user.email, "nobody@example.com"]) {
        const started = performance.now();
        expect(await signIn({ email, password: "wrong" }, client)).toEqual({ ok: false, reason: "invalid" });
        // A lower bound only: a timer never fires early, so this holds on any machine.
        expect(performance.now() - started).toBeGreaterThanOrEqual(REFUSAL_FLOOR_MS - 1);
      }
    } finally {
      configureRefusalFloor(0);
    }
  });
});

describe("roles", () => {
  it("lets only OWNER and ADMIN manage API access, MANAGER view it, STAFF neither", async () => {
    await createProperty();
    expect(["OWNER", "ADMIN", "MANAGER", "STAFF"].map((r) => [can.manageApiAccess(r as never), can.viewApiAccess(r as never)])).toEqual([
      [true, true],
      [true, true],
      [false, true],
      [false, false],
    ]);
    expect(can.cancelReservation("STAFF")).toBe(false);
    expect(can.checkInOut("STAFF")).toBe(true);
  });
});

describe("safeCallbackUrl", () => {
  it("keeps same-site paths and drops everything else", () => {
    expect(safeCallbackUrl("/grand-hotel/reservations?q=a")).toBe("/grand-hotel/reservations?q=a");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", undefined]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });

  it("refuses paths a browser turns into another site once it drops control characters or reads backslashes", () => {
    // As Next hands them over: the query string decoded once, so %09 is a real tab and %2509 a literal "%09".
    const bad = [
      "/\t/evil.example/",
      "/\n/evil.example/",
      "/\r/evil.example/",
      "/\t\\evil.example",
      "/\u0000/evil.example",
      "/\u007f/evil.example",
      "/\u001f/evil.example",
      "/%09/evil.example/",
      "/%0A/evil.example/",
      "/%0d/evil.example/",
      "/%09%5Cevil.example",
      "/%5Cevil.example",
      "/%5C%5Cevil.example",
      "/%2F%2Fevil.example",
      "/%2f/evil.example",
      "/%252F%252Fevil.example",
      "/%2509/evil.example",
      "/grand-hotel\\..\\evil",
      "/%E0%A4%A",
      "///evil.example",
      "/\\/evil.example",
      " /evil",
      "http:/evil.example",
    ];
    for (const value of bad) expect(safeCallbackUrl(value), JSON.stringify(value)).toBe("/");
  });

  it("keeps every crafted link of the corpus on our site, through the sign-in page and next-auth's redirect", () => {
    expect(OPEN_REDIRECT_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    const ours = "https://pms.example";
    // Where a browser goes with a Location header: tabs and newlines dropped, backslashes read as slashes.
    const browserTarget = (location: string) => new URL(location.replace(/[\t\n\r]/g, "").replace(/\\/g, "/"), `${ours}/login`);
    for (const payload of OPEN_REDIRECT_PAYLOADS) {
      // Next hands the page its query string decoded once.
      const value = new URLSearchParams(`callbackUrl=${payload}`).get("callbackUrl") ?? "";
      const fromPage = safeCallbackUrl(value);
      expect(fromPage, payload).toMatch(/^\/(?![/\\])/);
      expect(browserTarget(fromPage).origin, payload).toBe(ours);
      const fromNextAuth = sameOriginRedirect({ url: value, baseUrl: ours });
      expect(browserTarget(fromNextAuth).origin, payload).toBe(ours);
      expect(fromNextAuth.slice(ours.length), payload).toMatch(/^(\/(?![/\\])|$)/);
      const absolute = sameOriginRedirect({ url: `${ours}${value}`, baseUrl: ours });
      expect(browserTarget(absolute).origin, payload).toBe(ours);
      expect(absolute.slice(ours.length), payload).toMatch(/^(\/(?![/\\])|$)/);
    }
  });

  it("keeps good paths, normalised", () => {
    expect(safeCallbackUrl("/grand-hotel/reservations?status=CONFIRMED#top")).toBe("/grand-hotel/reservations?status=CONFIRMED#top");
    expect(safeCallbackUrl("/grand-hotel/settings/api-access/logs?q=caf%C3%A9")).toBe("/grand-hotel/settings/api-access/logs?q=caf%C3%A9");
    expect(safeCallbackUrl("/grand-hotel/./reservations")).toBe("/grand-hotel/reservations");
    expect(safeCallbackUrl("/")).toBe("/");
  });

  it("next-auth's redirect callback stays on our origin", () => {
    const baseUrl = "http://localhost:3100";
    expect(sameOriginRedirect({ url: "/grand-hotel/reservations", baseUrl })).toBe("http://localhost:3100/grand-hotel/reservations");
    expect(sameOriginRedirect({ url: "http://localhost:3100/grand-hotel?x=1", baseUrl })).toBe("http://localhost:3100/grand-hotel?x=1");
    for (const url of [
      "https://evil.example/",
      "//evil.example",
      "/\t/evil.example",
      "/%09/evil.example",
      "http://localhost:3101/",
      "not a url",
    ]) {
      expect(sameOriginRedirect({ url, baseUrl }), url).toBe(baseUrl);
    }
  });
});

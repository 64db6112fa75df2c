import { describe, expect, it } from "vitest";
import { createProperty, createUser } from "../../test/fixtures";
import { can } from "./roles";
import { safeCallbackUrl } from "./safe-callback-url";
import { verifyCredentials } from "./verify-credentials";

describe("verifyCredentials", () => {
  it("accepts the right password, case-insensitive email", async () => {
    const user = await createUser({ password: "s3cret-pass" });
    expect(await verifyCredentials({ email: user.email.toUpperCase(), password: "s3cret-pass" })).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
    });
  });

  it("answers the same null for a wrong password, an unknown email and malformed input", async () => {
    const user = await createUser({ password: "s3cret-pass" });
    expect(await verifyCredentials({ email: user.email, password: "wrong" })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@example.com", password: "s3cret-pass" })).toBeNull();
    expect(await verifyCredentials({ email: "not an email", password: "" })).toBeNull();
    expect(await verifyCredentials(undefined)).toBeNull();
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
});

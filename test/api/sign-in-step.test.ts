import { describe, expect, it } from "vitest";
import { POST } from "../../app/api/auth/sign-in-step/route";
import { db } from "../../lib/db/client";
import { createUser } from "../fixtures";

// The sign-in form's password step over HTTP: a right password is a 200 (so the browser logs no failed request
// before the code step), and a wrong password and an unknown email are the same 401, 2FA or not.

const PASSWORD = "correct horse";

function step(body: unknown, contentType = "application/json") {
  return POST(
    new Request("http://localhost/api/auth/sign-in-step", {
      method: "POST",
      headers: { "content-type": contentType, "user-agent": "vitest" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

async function answer(response: Response) {
  const body = (await response.json()) as Record<string, unknown>;
  // The request id differs on every answer; everything else must not.
  const { requestId, ...rest } = body;
  return { status: response.status, body: rest, hasRequestId: typeof requestId === "string" };
}

async function twoFactorUser() {
  const user = await createUser({ password: PASSWORD });
  return db.user.update({ where: { id: user.id }, data: { twoFactorEnabledAt: new Date(), twoFactorSecret: "sealed-for-test" } });
}

describe("POST /api/auth/sign-in-step", () => {
  it("answers a right password with 200: a code next for an account with 2FA, a plain sign-in otherwise; no session starts", async () => {
    const withCode = await twoFactorUser();
    const plain = await createUser({ password: PASSWORD });
    const sessionsBefore = await db.userSession.count({ where: { userId: { in: [withCode.id, plain.id] } } });

    const code = await step({ email: withCode.email.toUpperCase(), password: PASSWORD });
    expect(code.status).toBe(200);
    expect(await code.json()).toEqual({ next: "code" });
    expect(code.headers.get("set-cookie")).toBeNull();
    expect(code.headers.get("cache-control")).toBe("no-store");

    const signIn = await step({ email: plain.email, password: PASSWORD });
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toEqual({ next: "sign_in" });

    expect(await db.userSession.count({ where: { userId: { in: [withCode.id, plain.id] } } })).toBe(sessionsBefore);
  });

  it("answers a wrong password and an unknown email the same 401, whether the account has 2FA or not", async () => {
    const withCode = await twoFactorUser();
    const plain = await createUser({ password: PASSWORD });
    const answers = [
      await answer(await step({ email: withCode.email, password: "wrong" })),
      await answer(await step({ email: plain.email, password: "wrong" })),
      await answer(await step({ email: `nobody-${Date.now()}@example.com`, password: PASSWORD })),
      await answer(await step({ email: "not an email", password: "" })),
    ];
    for (const a of answers)
      expect(a).toEqual({
        status: 401,
        body: { status: "error", code: "UNAUTHORIZED", message: "Invalid email or password." },
        hasRequestId: true,
      });
  });

  it("counts wrong passwords with the sign-in throttle; a right one is audited, and given back only when a code comes next", async () => {
    const withCode = await twoFactorUser();
    // Right passwords of a 2FA account, as many as you like: each gives its try back (the code is the next hurdle).
    for (let i = 0; i < 7; i++) expect((await step({ email: withCode.email, password: PASSWORD })).status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "user.sign_in_password_verified", actorId: withCode.id } })).toBe(7);
    // Five free wrong tries, then a wait, said with Retry-After.
    for (let i = 0; i < 5; i++) expect((await step({ email: withCode.email, password: `wrong-${i}` })).status).toBe(401);
    const throttled = await step({ email: withCode.email, password: PASSWORD });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await throttled.json()).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/^Too many attempts/) });

    // Without 2FA, the step alone cannot confirm passwords for free: its try stays counted until a sign-in succeeds.
    const plain = await createUser({ password: PASSWORD });
    for (let i = 0; i < 5; i++) expect((await step({ email: plain.email, password: PASSWORD })).status).toBe(200);
    expect((await step({ email: plain.email, password: PASSWORD })).status).toBe(429);
  });

  it("takes JSON only, so a cross-site form cannot post to it", async () => {
    const user = await createUser({ password: PASSWORD });
    const form = await step(
      `email=${encodeURIComponent(user.email)}&password=${encodeURIComponent(PASSWORD)}`,
      "application/x-www-form-urlencoded",
    );
    expect(form.status).toBe(415);
    expect((await step("{not json")).status).toBe(400);
  });
});

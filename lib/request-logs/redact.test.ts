import { describe, expect, it } from "vitest";
import { isSecretName, REDACTED, redactBody } from "./redact";

const key = `pms_live_${"a1".repeat(18)}`;

describe("redactBody", () => {
  it("keeps a body with nothing to redact exactly as it came", () => {
    const text = '{ "data": [{"id": "res_1", "notes": "keys at the desk", "total": 45000}], "hasMore": false }';
    expect(redactBody(text)).toBe(text);
    expect(redactBody("plain text, no secret")).toBe("plain text, no secret");
  });

  it("replaces secret values and members named like secrets, however the JSON spells them", () => {
    const cases: [string, unknown][] = [
      [JSON.stringify({ note: `copy ${key}` }), { note: `copy ${REDACTED}` }],
      ['{"pin": "482915", "lockName": "Front door"}', { pin: REDACTED, lockName: "Front door" }],
      ['{"PIN" :"482915"}', { PIN: REDACTED }],
      ['{"p\\u0069n": "482915"}', { pin: REDACTED }],
      [`{"note": "\\u0070ms_live_${"a1".repeat(18)}"}`, { note: REDACTED }],
      [`{"note": "${encodeURIComponent(key).replace("_", "%5F")}"}`, { note: REDACTED }],
    ];
    for (const [text, expected] of cases) expect(JSON.parse(redactBody(text)!)).toEqual(expected);
    expect(redactBody(`not json ${key}`)).toBe(`not json ${REDACTED}`);
  });

  it("applies the name rule to pairs in a body that is not JSON, and removes e-mail addresses and PIN-shaped digits there", () => {
    const cases: [string, string][] = [
      ['{"pin":"1234",', `{"pin":"${REDACTED}",`],
      ['{"lockName": "Door", "p\\u0069n": 12', `{"lockName": "Door", "p\\u0069n": "${REDACTED}"`],
      ["pin=1234&x=1", `pin=${REDACTED}&x=1`],
      ["user%5Bpassword%5D=hunter2&next=%2Fhome", `user[password]=${REDACTED}&next=/home`],
      ["password: hunter2\nuser: bob", `password: ${REDACTED}\nuser: bob`],
      [
        '--b\r\nContent-Disposition: form-data; name="password"\r\n\r\nhunter2\r\n--b--',
        `--b\r\nContent-Disposition: form-data; name="password"\r\n\r\n${REDACTED}\r\n--b--`,
      ],
      ['{"note": "call ada@example.com, door 482915', `{"note": "call ${REDACTED}, door ${REDACTED}`],
    ];
    for (const [text, expected] of cases) expect(redactBody(text), text).toBe(expected);
    // JSON keeps what it attributes: an address or a number under a harmless name is data, not a secret.
    expect(redactBody('{"email": "ada@example.com", "code": "GH-1001", "totalAmount": 482915}')).toBe(
      '{"email": "ada@example.com", "code": "GH-1001", "totalAmount": 482915}',
    );
  });

  it("names a secret by its words, in any spelling, and leaves lookalikes alone", () => {
    const secret = [
      "password",
      "PIN",
      "pin_code",
      "user[password]",
      "x-api-key",
      "apiKey",
      "key",
      "client_secret",
      "signingSecret",
      "access_token",
      "X-Amz-Signature",
      "Authorization",
      "cardNumber",
      "sessionId",
    ];
    const plain = ["lockName", "keyPreview", "idempotency-key", "tokenType", "previousSecretExpiresAt", "shipping", "code", "email"];
    expect(secret.filter((name) => !isSecretName(name))).toEqual([]);
    expect(plain.filter((name) => isSecretName(name))).toEqual([]);
    expect(isSecretName("code", true)).toBe(true);
  });
});

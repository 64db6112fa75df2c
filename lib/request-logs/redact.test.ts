import { describe, expect, it } from "vitest";
import { REDACTED, redactBody } from "./redact";

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
});

import { describe, expect, it } from "vitest";
import { describeAutomaticDisable, describeDisabled, isAutomaticallyDisabled } from "./disabled-reason";

const at = new Date("2026-11-23T10:05:59.999Z");
const failingSince = new Date("2026-11-18T09:00:30.000Z");

describe("describeDisabled", () => {
  it("words each cause as the API always has (UTC, to the minute)", () => {
    expect(describeDisabled({ cause: null, by: null, at: null, failingSince: null })).toBeNull();
    expect(describeDisabled({ cause: "CREATED_DISABLED", by: null, at, failingSince: null })).toBe("Disabled when created.");
    expect(describeDisabled({ cause: "BY_USER", by: "Adam Admin <adam@example.com>", at, failingSince: null })).toBe(
      "Disabled by Adam Admin <adam@example.com>.",
    );
    expect(describeDisabled({ cause: "BY_USER", by: null, at, failingSince: null })).toBe("Disabled by a person.");
    expect(describeDisabled({ cause: "FAILING", by: null, at, failingSince })).toBe(
      "Disabled automatically: every delivery failed for 5 days (since 2026-11-18 09:00 UTC).",
    );
    expect(describeDisabled({ cause: "GONE", by: null, at, failingSince })).toBe(
      "Disabled automatically: the endpoint answered 410 Gone on 2026-11-23 10:05 UTC.",
    );
  });

  it("tells the automatic causes apart, and words them without their prefix for integration health", () => {
    expect((["CREATED_DISABLED", "BY_USER", "FAILING", "GONE", null] as const).filter(isAutomaticallyDisabled)).toEqual([
      "FAILING",
      "GONE",
    ]);
    expect(describeAutomaticDisable({ cause: "GONE", at, failingSince: null })).toBe(
      "the endpoint answered 410 Gone on 2026-11-23 10:05 UTC.",
    );
  });
});

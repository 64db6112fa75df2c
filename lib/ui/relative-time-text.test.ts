import { describe, expect, it } from "vitest";
import { relativeTimeText } from "./relative-time-text";

const now = new Date("2026-11-23T12:00:00Z");
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("relativeTimeText", () => {
  it("says just now under 45 seconds ago, and the same moment", () => {
    expect([0, -1, -12, -44.9].map((s) => relativeTimeText(at(s), now))).toEqual(["just now", "just now", "just now", "just now"]);
  });

  it("says in a few seconds under 45 seconds ahead", () => {
    expect([1, 30, 44].map((s) => relativeTimeText(at(s), now))).toEqual(["in a few seconds", "in a few seconds", "in a few seconds"]);
  });

  it("counts from 45 seconds on, both ways", () => {
    expect(relativeTimeText(at(-45), now)).toBe("45 seconds ago");
    expect(relativeTimeText(at(-180), now)).toBe("3 minutes ago");
    expect(relativeTimeText(at(7200), now)).toBe("in 2 hours");
    expect(relativeTimeText(at(-3 * 86400), now)).toBe("3 days ago");
  });
});

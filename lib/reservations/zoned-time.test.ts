import { describe, expect, it } from "vitest";
import { zonedInstant } from "./zoned-time";

describe("zonedInstant", () => {
  it("turns a property's wall-clock time into the instant, across zones and DST changes", () => {
    expect(zonedInstant("2026-07-01", "15:00", "Europe/Vienna").toISOString()).toBe("2026-07-01T13:00:00.000Z");
    expect(zonedInstant("2026-12-01", "15:00", "Europe/Vienna").toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(zonedInstant("2026-03-29", "11:00", "Europe/Vienna").toISOString()).toBe("2026-03-29T09:00:00.000Z"); // the day clocks go forward
    expect(zonedInstant("2026-11-01", "11:00", "America/New_York").toISOString()).toBe("2026-11-01T16:00:00.000Z"); // the day they go back
    expect(zonedInstant("2026-07-01", "15:00", "Asia/Kolkata").toISOString()).toBe("2026-07-01T09:30:00.000Z");
    expect(zonedInstant("2026-07-01", "15:00", "UTC").toISOString()).toBe("2026-07-01T15:00:00.000Z");
    expect(zonedInstant("2026-07-01", "15:00", "Not/AZone").toISOString()).toBe("2026-07-01T15:00:00.000Z");
  });
});

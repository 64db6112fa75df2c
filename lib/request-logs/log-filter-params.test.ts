import { describe, expect, it } from "vitest";
import { STORABLE_DATE_MESSAGE } from "../db/storable-date";
import { FROM_AFTER_TO_MESSAGE, resolveLogFilters, STATUS_MESSAGE, type LogFilterValues } from "./log-filter-params";

const none: LogFilterValues = {
  method: [],
  status: "",
  range: "",
  from: "",
  to: "",
  key: "",
  path: "",
  requestId: "",
  route: "",
  code: "",
};

describe("the Logs tab's filters from the URL", () => {
  it("names each filter it cannot apply, with why, and applies the rest", () => {
    const { applied, ignored } = resolveLogFilters({
      ...none,
      status: "abc",
      path: " /guests ",
      range: "custom",
      from: "0000-01-01T00:00",
    });
    expect(ignored.map((i) => [i.field, i.message])).toEqual([
      ["status", STATUS_MESSAGE],
      ["from", STORABLE_DATE_MESSAGE],
    ]);
    expect(applied).toMatchObject({ status: "", from: "", path: "/guests", range: "custom" });
  });

  it("drops both ends of a range whose From is after its To, and keeps a good range", () => {
    const reversed = resolveLogFilters({ ...none, from: "2026-11-20T10:00", to: "2026-11-19T10:00" });
    expect(reversed.ignored.map((i) => i.message)).toEqual([FROM_AFTER_TO_MESSAGE]);
    expect(reversed.applied).toMatchObject({ from: "", to: "" });
    const good = resolveLogFilters({ ...none, from: "2026-11-19T10:00", to: "2026-11-20T10:00" });
    expect(good.ignored).toEqual([]);
    expect(good.applied).toMatchObject({ range: "custom", from: "2026-11-19T10:00", to: "2026-11-20T10:00" });
  });
});

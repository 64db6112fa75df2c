import { describe, expect, it } from "vitest";
import { ERROR_STATUS, type ErrorCode } from "../errors/app-error";
import { describeErrorGroup } from "./describe-error-group";

describe("describeErrorGroup", () => {
  it("words requests to paths no operation serves as a property manager reads them, not 'NOT_FOUND on GET an unknown path'", () => {
    expect(describeErrorGroup({ errorCode: "NOT_FOUND", status: 404, method: "GET", route: "" })).toBe("to paths that don't exist (404)");
    expect(
      `12 of 40 requests failed in the last hour, most of them ${describeErrorGroup({ errorCode: "NOT_FOUND", status: 404, method: "GET", route: "" })}`,
    ).toBe("12 of 40 requests failed in the last hour, most of them to paths that don't exist (404)");
  });

  it("gives the reason, the status in brackets and the operation", () => {
    expect(describeErrorGroup({ errorCode: "NOT_FOUND", status: 404, method: "GET", route: "/reservations/{id}" })).toBe(
      "for records that don't exist (404) on GET /reservations/{id}",
    );
    expect(describeErrorGroup({ errorCode: "VALIDATION_ERROR", status: 400, method: "POST", route: "/reservations" })).toBe(
      "refused as invalid input (400) on POST /reservations",
    );
    expect(describeErrorGroup({ errorCode: "UNAUTHORIZED", status: 401, method: "GET", route: "" })).toBe(
      "with a missing or unknown API key (401)",
    );
    expect(describeErrorGroup({ errorCode: "INTERNAL_ERROR", status: 500, method: "PATCH", route: "/guests/{id}" })).toBe(
      "failing on our side (500) on PATCH /guests/{id}",
    );
    // An answer without a code, or with one we do not know: its status, still not as the subject.
    expect(describeErrorGroup({ errorCode: "", status: 418, method: "GET", route: "/rooms" })).toBe("answered with HTTP 418 on GET /rooms");
    expect(describeErrorGroup({ errorCode: "constructor", status: 400, method: "GET", route: "" })).toBe("answered with HTTP 400");
  });

  it("never puts a raw error code in the phrase", () => {
    for (const code of Object.keys(ERROR_STATUS) as ErrorCode[]) {
      for (const route of ["", "/reservations"]) {
        const phrase = describeErrorGroup({ errorCode: code, status: ERROR_STATUS[code], method: "POST", route });
        expect(phrase, code).not.toMatch(/\b[A-Z]+_[A-Z_]+\b|\bNOT_FOUND\b|\bFORBIDDEN\b|\bUNAUTHORIZED\b|\bCONFLICT\b/);
        expect(phrase, code).toContain(String(ERROR_STATUS[code]));
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import type { Role } from "../db/generated/prisma/enums";
import { assignableRoles, inviteRefusal, leaveRefusal, removalRefusal, roleChangeRefusal, ROLES } from "./team-rules";

const allowed = (refusal: string | null) => refusal === null;

describe("who may invite whom", () => {
  const table: Record<Role, Role[]> = {
    OWNER: ["OWNER", "ADMIN", "MANAGER", "STAFF"],
    ADMIN: ["MANAGER", "STAFF"],
    MANAGER: [],
    STAFF: [],
  };
  for (const actor of ROLES) {
    for (const role of ROLES) {
      const expected = table[actor].includes(role);
      it(`${actor} ${expected ? "may" : "may not"} invite a ${role}`, () => {
        expect(allowed(inviteRefusal(actor, role))).toBe(expected);
      });
    }
    it(`${actor} is offered exactly the roles it may hand out`, () => expect(assignableRoles(actor)).toEqual(table[actor]));
  }
});

describe("who may change whose role", () => {
  // [actor, member's role, new role, allowed] with two owners, so only the role rules decide.
  const cases: [Role, Role, Role, boolean][] = [
    ["OWNER", "OWNER", "ADMIN", true],
    ["OWNER", "ADMIN", "OWNER", true],
    ["OWNER", "STAFF", "ADMIN", true],
    ["OWNER", "MANAGER", "STAFF", true],
    ["ADMIN", "MANAGER", "STAFF", true],
    ["ADMIN", "STAFF", "MANAGER", true],
    ["ADMIN", "STAFF", "ADMIN", false],
    ["ADMIN", "MANAGER", "OWNER", false],
    ["ADMIN", "ADMIN", "MANAGER", false],
    ["ADMIN", "OWNER", "MANAGER", false],
    ["MANAGER", "STAFF", "MANAGER", false],
    ["MANAGER", "MANAGER", "STAFF", false],
    ["STAFF", "STAFF", "MANAGER", false],
  ];
  for (const [actor, target, to, expected] of cases) {
    it(`${actor} ${expected ? "may" : "may not"} make a ${target} a ${to}`, () => {
      expect(allowed(roleChangeRefusal(actor, { target, to, self: false, owners: 2 }))).toBe(expected);
    });
  }
  it("an unchanged role is no change", () => {
    expect(roleChangeRefusal("OWNER", { target: "STAFF", to: "STAFF", self: false, owners: 1 })).toMatch(/already/);
  });
});

describe("who may remove whom", () => {
  const cases: [Role, Role, boolean][] = [
    ["OWNER", "OWNER", true],
    ["OWNER", "ADMIN", true],
    ["OWNER", "STAFF", true],
    ["ADMIN", "MANAGER", true],
    ["ADMIN", "STAFF", true],
    ["ADMIN", "ADMIN", false],
    ["ADMIN", "OWNER", false],
    ["MANAGER", "STAFF", false],
    ["STAFF", "STAFF", false],
  ];
  for (const [actor, target, expected] of cases) {
    it(`${actor} ${expected ? "may" : "may not"} remove a ${target}`, () => {
      expect(allowed(removalRefusal(actor, { target, self: false, owners: 2 }))).toBe(expected);
    });
  }
  it("nobody removes themselves: that is leaving", () => {
    expect(removalRefusal("OWNER", { target: "OWNER", self: true, owners: 2 })).toMatch(/Leave property/);
  });
});

describe("the last owner", () => {
  it("cannot be demoted", () => {
    expect(roleChangeRefusal("OWNER", { target: "OWNER", to: "ADMIN", self: true, owners: 1 })).toMatch(/at least one owner/);
    expect(allowed(roleChangeRefusal("OWNER", { target: "OWNER", to: "ADMIN", self: true, owners: 2 }))).toBe(true);
  });
  it("cannot be removed", () => {
    expect(removalRefusal("OWNER", { target: "OWNER", self: false, owners: 1 })).toMatch(/at least one owner/);
  });
  it("cannot leave; any other member can", () => {
    expect(leaveRefusal({ role: "OWNER", owners: 1 })).toMatch(/only owner/);
    expect(allowed(leaveRefusal({ role: "OWNER", owners: 2 }))).toBe(true);
    for (const role of ["ADMIN", "MANAGER", "STAFF"] as const) expect(allowed(leaveRefusal({ role, owners: 1 }))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import type { ApiKeyView } from "./list-api-keys";
import { groupKeys, isStopped } from "./group-keys";

let clock = 0;
function key(id: string, extra: Partial<ApiKeyView> = {}): ApiKeyView {
  clock += 1;
  return {
    id,
    name: id,
    note: null,
    mode: "LIVE",
    preview: `pms_live_••••••••${id}`,
    last4: id,
    scopes: ["full_access:read"],
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, clock)).toISOString(),
    createdBy: "Adam",
    lastUsedAt: null,
    requestCount: 0,
    expiresAt: null,
    revokedAt: null,
    revokedBy: null,
    rolledAt: null,
    pairId: null,
    rolledFromId: null,
    status: { kind: "active", label: "Active" },
    ...extra,
  };
}
const ids = (groups: ReturnType<typeof groupKeys>) => groups.map((group) => group.rows.map((row) => row.key.id));

describe("groupKeys", () => {
  it("keeps a live/test pair together, live first, and puts a rolled key under its replacement", () => {
    const solo = key("solo");
    const test = key("test", { mode: "TEST", pairId: "p" });
    const live = key("live", { pairId: "p", rolledAt: "x", status: { kind: "rolling", label: "Rolled" } });
    const newer = key("newr", { pairId: "p", rolledFromId: "live" });
    const later = key("late");
    // The test key comes first from the database here: the live chain is still listed first.
    const groups = groupKeys([later, test, newer, solo, live]);
    // Groups by first creation, newest first: rolling "live" did not move the pair above "late".
    expect(ids(groups)).toEqual([["late"], ["newr", "live", "test"], ["solo"]]);
    expect(groups[1]!.rows[1]!.replacedBy?.id).toBe("newr");
    expect(groups[1]!.rows[0]!.replacedBy).toBeNull();
  });

  it("hides revoked and expired keys when asked, and drops groups left empty", () => {
    const gone = key("gone", { status: { kind: "revoked", label: "Revoked" } });
    const old = key("old1", { rolledAt: "x", status: { kind: "expired", label: "Expired" } });
    const current = key("cur1", { rolledFromId: "old1" });
    expect(ids(groupKeys([gone, old, current], (k) => !isStopped(k)))).toEqual([["cur1"]]);
    expect(ids(groupKeys([gone, old, current]))).toEqual([["cur1", "old1"], ["gone"]]);
  });
});

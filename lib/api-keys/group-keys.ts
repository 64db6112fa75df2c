import type { ApiKeyView } from "./list-api-keys";

export interface KeyRow {
  key: ApiKeyView;
  /** The key that replaced this one in a roll, when it is listed too. */
  replacedBy: ApiKeyView | null;
}

export interface KeyGroup {
  id: string;
  rows: KeyRow[];
}

/** Revoked and expired keys no longer work: the Keys tab hides them unless asked. */
export const isStopped = (key: ApiKeyView) => key.status.kind === "revoked" || key.status.kind === "expired";

/**
 * The keys in the order the Keys tab shows them: a live/test pair together (live first), each rolled key
 * right under the key that replaced it, and groups by first creation, newest first, so a roll does not
 * move a group. `visible` filters rows after grouping, so a hidden replacement still names its key.
 */
export function groupKeys(keys: ApiKeyView[], visible: (key: ApiKeyView) => boolean = () => true): KeyGroup[] {
  const byId = new Map(keys.map((key) => [key.id, key]));
  const replaced = new Set(keys.flatMap((key) => (key.rolledFromId ? [key.rolledFromId] : [])));
  const groups = new Map<string, { rows: KeyRow[]; since: string; live: boolean }[]>();
  for (const head of keys.filter((key) => !replaced.has(key.id))) {
    const rows: KeyRow[] = [{ key: head, replacedBy: null }];
    for (let older = byId.get(head.rolledFromId ?? ""); older; older = byId.get(older.rolledFromId ?? "")) {
      rows.push({ key: older, replacedBy: rows[rows.length - 1]!.key });
    }
    const root = rows[rows.length - 1]!.key;
    const id = head.pairId ?? root.id;
    const chain = { rows, since: root.createdAt, live: head.mode === "LIVE" };
    groups.set(id, [...(groups.get(id) ?? []), chain]);
  }
  return [...groups.entries()]
    .map(([id, chains]) => ({
      id,
      since: chains.reduce((first, chain) => (chain.since < first ? chain.since : first), chains[0]!.since),
      rows: chains
        .sort((a, b) => Number(b.live) - Number(a.live))
        .flatMap((chain) => chain.rows)
        .filter((row) => visible(row.key)),
    }))
    .filter((group) => group.rows.length > 0)
    .sort((a, b) => (a.since < b.since ? 1 : a.since > b.since ? -1 : a.id.localeCompare(b.id)))
    .map(({ id, rows }) => ({ id, rows }));
}

/** How a key is named wherever the tab names it: two keys of one name differ by their last four characters. */
export function keyLabel(key: { name: string; last4: string }): string {
  return `“${key.name}” (…${key.last4})`;
}

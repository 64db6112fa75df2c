// Cursor pagination for every list: newest first by (createdAt, id) unless a list has a natural order of
// its own (rooms: by number, keyed by (number, id)); the cursor an opaque token of the last row's
// position. Stable under inserts, and each row appears exactly once while walking.
import { z } from "zod";
import { isStorableDate } from "./storable-date";

export const paginationQuery = {
  limit: z.coerce.number().int("limit must be a whole number").min(1, "limit is at least 1").max(100, "limit is at most 100").default(25),
  cursor: z.string().max(200).optional(),
};

interface Position {
  createdAt: Date;
  id: string;
}

export function encodeCursor(row: Position): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");
}

const KEY_CURSOR_TAG = "k";

export function encodeKeyCursor(row: { key: string; id: string }): string {
  // Tagged, so a newest-first list's cursor (or one from before a list changed its order) is refused, not read as a key.
  return Buffer.from(JSON.stringify([KEY_CURSOR_TAG, row.key, row.id])).toString("base64url");
}

const INVALID_CURSOR = "Invalid cursor: pass nextCursor from the previous page unchanged";

/** The position a cursor points after, or a zod issue for a cursor we did not issue. */
export const cursorSchema = z
  .string()
  // Ours are under 400 characters (an ISO date and an id of at most 200, in base64url).
  .max(1000, { message: INVALID_CURSOR, abort: true })
  .transform((value, ctx) => {
    try {
      const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [unknown, unknown];
      const createdAt = typeof at === "string" ? new Date(at) : new Date(NaN);
      // A forged cursor must not reach the database with a date or id it cannot hold.
      if (typeof id === "string" && id.length <= 200 && !id.includes("\u0000") && isStorableDate(createdAt)) return { createdAt, id };
    } catch {
      // fall through to the issue below
    }
    ctx.addIssue({ code: "custom", message: INVALID_CURSOR });
    return z.NEVER;
  });

/** For a list in a natural order of its own: the last row's sort key (e.g. a room number) and id. */
export const keyCursorSchema = z
  .string()
  .max(1000, { message: INVALID_CURSOR, abort: true })
  .transform((value, ctx) => {
    try {
      const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown;
      const [tag, key, id] = Array.isArray(parsed) && parsed.length === 3 ? (parsed as unknown[]) : [];
      const storable = (text: unknown): text is string => typeof text === "string" && text.length <= 200 && !text.includes("\u0000");
      if (tag === KEY_CURSOR_TAG && storable(key) && storable(id)) return { key, id };
    } catch {
      // fall through to the issue below
    }
    ctx.addIssue({ code: "custom", message: INVALID_CURSOR });
    return z.NEVER;
  });

/** Prisma `where` for the rows after the cursor, newest first by `field` (createdAt unless named). */
export function afterCursor(cursor: Position | undefined, field = "createdAt") {
  if (!cursor) return {};
  return { OR: [{ [field]: { lt: cursor.createdAt } }, { [field]: cursor.createdAt, id: { lt: cursor.id } }] };
}

export const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** Given `limit + 1` rows, the page and the cursor to the next one (a date position, or a sort key for keyCursorSchema). */
export function page<T extends { id: string }, R>(
  rows: T[],
  limit: number,
  serialize: (row: T) => R,
  position: (row: T) => Date | string = (row) => (row as unknown as Position).createdAt,
): { data: R[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  if (!more || !last) return { data: shown.map(serialize), nextCursor: null };
  const at = position(last);
  const nextCursor = typeof at === "string" ? encodeKeyCursor({ key: at, id: last.id }) : encodeCursor({ createdAt: at, id: last.id });
  return { data: shown.map(serialize), nextCursor };
}

export const listQuery = z.object({ ...paginationQuery, cursor: cursorSchema.optional() });

// Cursor pagination for every list: newest first by (createdAt, id), the cursor an opaque token of
// the last row's position. Stable under inserts, and each row appears exactly once while walking.
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

/** The position a cursor points after, or a zod issue for a cursor we did not issue. */
export const cursorSchema = z
  .string()
  // Ours are under 400 characters (an ISO date and an id of at most 200, in base64url).
  .max(1000, { message: "Invalid cursor: pass nextCursor from the previous page unchanged", abort: true })
  .transform((value, ctx) => {
    try {
      const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [unknown, unknown];
      const createdAt = typeof at === "string" ? new Date(at) : new Date(NaN);
      // A forged cursor must not reach the database with a date or id it cannot hold.
      if (typeof id === "string" && id.length <= 200 && !id.includes("\u0000") && isStorableDate(createdAt)) return { createdAt, id };
    } catch {
      // fall through to the issue below
    }
    ctx.addIssue({ code: "custom", message: "Invalid cursor: pass nextCursor from the previous page unchanged" });
    return z.NEVER;
  });

/** Prisma `where` for the rows after the cursor, newest first by `field` (createdAt unless named). */
export function afterCursor(cursor: Position | undefined, field = "createdAt") {
  if (!cursor) return {};
  return { OR: [{ [field]: { lt: cursor.createdAt } }, { [field]: cursor.createdAt, id: { lt: cursor.id } }] };
}

export const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** Given `limit + 1` rows, the page and the cursor to the next one. */
export function page<T extends { id: string }, R>(
  rows: T[],
  limit: number,
  serialize: (row: T) => R,
  position: (row: T) => Date = (row) => (row as unknown as Position).createdAt,
): { data: R[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return { data: shown.map(serialize), nextCursor: more && last ? encodeCursor({ createdAt: position(last), id: last.id }) : null };
}

export const listQuery = z.object({ ...paginationQuery, cursor: cursorSchema.optional() });

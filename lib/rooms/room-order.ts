// Rooms in the order a front desk reads them, done in SQL so a cursor can follow it: by the letters
// before the number, then the first run of digits as a number ("2" before "10", "B-2" before "B-10"),
// then the whole text and the id (byte order, the same on every database), so the order is total.
import { Prisma } from "../db/generated/prisma/client";

function naturalKey(number: Prisma.Sql, id: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`substring(${number} from '^[^0-9]*') COLLATE "C", coalesce(substring(${number} from '[0-9]+')::numeric, -1), ${number} COLLATE "C", ${id} COLLATE "C"`;
}

const column = naturalKey(Prisma.sql`number`, Prisma.sql`id`);

/** ORDER BY for a query over "Room". */
export const byRoomNumber = Prisma.sql`ORDER BY ${column}`;

/** The rooms after the one a cursor names, in byRoomNumber's order. */
export function afterRoom(cursor: { key: string; id: string }): Prisma.Sql {
  return Prisma.sql`(${column}) > (${naturalKey(Prisma.sql`${cursor.key}::text`, Prisma.sql`${cursor.id}::text`)})`;
}

// `npm run db:seed`: seed the demo data into an empty database (idempotent: a database with data is
// left alone). `npm run db:seed -- --reset` deletes the demo properties and users and seeds them anew.
import { createDbHandle } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { openDatabase } from "../lib/db/open-database";
import { seedDemoData } from "../lib/demo/seed-demo-data";

const reset = process.argv.includes("--reset");
const database = await openDatabase();
const { prisma, pool } = createDbHandle(database.url, 1);
try {
  await migrate(database.url);
  const result = await seedDemoData(prisma, { reset });
  console.log(result.seeded ? "Demo data seeded." : `Nothing to do: ${result.reason} (use --reset to reseed the demo).`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
  await pool.end();
  await database.close();
}

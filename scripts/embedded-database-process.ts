// A fresh in-memory embedded database in a process of its own, the way `npm start` keeps PGlite apart
// from the Next.js server and its webhook worker. Prints {"url": …} as its first line and stops when
// its stdin closes (the parent exiting, or closing it).
import { startEmbeddedDatabase } from "../lib/db/embedded";

const database = await startEmbeddedDatabase({ dataDir: null });
process.stdout.write(`${JSON.stringify({ url: database.url })}\n`);
process.stdin.resume();
process.stdin.on("end", () => {
  void database.stop().finally(() => process.exit(0));
});

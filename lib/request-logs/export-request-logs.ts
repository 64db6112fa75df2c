import "server-only";
import { afterCursor } from "../db/pagination";
import { db } from "../db/client";
import { requestLogWhere, type RequestLogFilters } from "./list-request-logs";

const COLUMNS = [
  "id",
  "createdAt",
  "method",
  "path",
  "status",
  "durationMs",
  "errorCode",
  "keyPreview",
  "mode",
  "partnerName",
  "ip",
  "userAgent",
] as const;
const PAGE = 1000;

function csvCell(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : value === null || value === undefined ? "" : String(value);
  // Quote always; double inner quotes. A leading = + - @ is prefixed so spreadsheets do not run it.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The filtered logs as CSV, streamed page by page (keyset), never built whole in memory. */
export function exportRequestLogsCsv(propertyId: string, filters: RequestLogFilters, now = new Date()): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const where = requestLogWhere(propertyId, filters, now);
  let cursor: { createdAt: Date; id: string } | undefined;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${COLUMNS.join(",")}\n`));
        return;
      }
      const rows = await db.requestLog.findMany({
        where: { AND: [where, afterCursor(cursor)] },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: PAGE,
        select: Object.fromEntries(COLUMNS.map((c) => [c, true])) as Record<(typeof COLUMNS)[number], true>,
      });
      if (rows.length > 0)
        controller.enqueue(encoder.encode(rows.map((row) => COLUMNS.map((c) => csvCell(row[c])).join(",")).join("\n") + "\n"));
      if (rows.length < PAGE) controller.close();
      else cursor = { createdAt: rows[rows.length - 1]!.createdAt, id: rows[rows.length - 1]!.id };
    },
  });
}

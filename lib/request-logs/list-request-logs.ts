import "server-only";
import { z } from "zod";
import { afterCursor, cursorSchema, page } from "../db/pagination";
import { db, type Prisma } from "../db/client";
import { isStorableDate, STORABLE_DATE_MESSAGE } from "../db/storable-date";
import { AppError, notFound } from "../errors/app-error";
import { plainIp } from "../http/plain-ip";
import { FROM_AFTER_TO_MESSAGE, LOG_METHODS, STATUS_MESSAGE, STATUS_PATTERN } from "./log-filter-params";

export const METHODS = LOG_METHODS;
export const RANGES = { "1h": 3600_000, "24h": 24 * 3600_000, "7d": 7 * 24 * 3600_000, "30d": 30 * 24 * 3600_000 } as const;

// Unreadable text (too long, or with a NUL the database cannot hold) means "no filter", as elsewhere.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !v.includes("\u0000"))
    .optional()
    .transform((v) => (v ? v : undefined))
    .catch(undefined);
const instant = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const date = new Date(v);
    if (!isStorableDate(date)) {
      ctx.addIssue({ code: "custom", message: Number.isNaN(date.getTime()) ? "Not a date" : STORABLE_DATE_MESSAGE });
      return z.NEVER;
    }
    return date;
  });

/** The Logs tab's filters, as they stand in the URL. */
export const requestLogFilters = z.object({
  method: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").filter((m): m is (typeof METHODS)[number] => (METHODS as readonly string[]).includes(m)) : [])),
  status: z.string().trim().regex(STATUS_PATTERN, STATUS_MESSAGE).optional().catch(undefined),
  range: z.enum(["1h", "24h", "7d", "30d", "custom"]).optional().catch(undefined),
  from: instant.catch(undefined),
  to: instant.catch(undefined),
  key: optionalText(100),
  path: optionalText(200),
  requestId: optionalText(100),
  route: optionalText(200),
  code: optionalText(100),
  cursor: cursorSchema.optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(200).catch(50).default(50),
});
export type RequestLogFilters = z.infer<typeof requestLogFilters>;

/**
 * The filters of a JSON or CSV request: the page names a filter it had to ignore, but a client asking
 * for a status or a range must hear that it was refused, not get every entry (400 VALIDATION_ERROR).
 */
export function parseRequestLogQuery(query: Record<string, string>): RequestLogFilters {
  const filters = requestLogFilters.parse(query);
  const refused: [string, string][] = (["from", "to"] as const)
    .filter((name) => query[name]?.trim() && !filters[name])
    .map((name) => [name, `Not a date the logs can hold: ${STORABLE_DATE_MESSAGE}`]);
  if (query.status?.trim() && !filters.status) refused.unshift(["status", STATUS_MESSAGE]);
  if (refused.length === 0 && filters.from && filters.to && filters.from > filters.to) refused.push(["from", FROM_AFTER_TO_MESSAGE]);
  if (refused.length > 0) {
    throw new AppError("VALIDATION_ERROR", "The request is invalid: see details.", Object.fromEntries(refused.map(([f, m]) => [f, [m]])));
  }
  return filters;
}

export function requestLogWhere(propertyId: string, filters: RequestLogFilters, now = new Date()): Prisma.RequestLogWhereInput {
  const where: Prisma.RequestLogWhereInput = { propertyId };
  if (filters.method.length > 0) where.method = { in: filters.method };
  if (filters.status) {
    const [first] = filters.status;
    where.status = filters.status.endsWith("xx") ? { gte: Number(first) * 100, lt: Number(first) * 100 + 100 } : Number(filters.status);
  }
  const createdAt: Prisma.DateTimeFilter = {};
  if (filters.range && filters.range !== "custom") createdAt.gte = new Date(now.getTime() - RANGES[filters.range]);
  if (filters.range === "custom" || !filters.range) {
    if (filters.from) createdAt.gte = filters.from;
    if (filters.to) createdAt.lte = filters.to;
  }
  if (createdAt.gte || createdAt.lte) where.createdAt = createdAt;
  if (filters.key) where.apiKeyId = filters.key;
  if (filters.path) where.path = { contains: filters.path };
  if (filters.requestId) where.id = filters.requestId;
  if (filters.route) where.route = filters.route;
  if (filters.code) where.errorCode = filters.code;
  return where;
}

const SUMMARY = {
  id: true,
  createdAt: true,
  method: true,
  path: true,
  status: true,
  durationMs: true,
  keyPreview: true,
  apiKeyId: true,
  mode: true,
  errorCode: true,
  partnerName: true,
} as const;

/** One page, newest first, by keyset on (createdAt, id): no OFFSET however deep the page. */
export async function listRequestLogs(propertyId: string, filters: RequestLogFilters, now = new Date()) {
  const rows = await db.requestLog.findMany({
    where: { AND: [requestLogWhere(propertyId, filters, now), afterCursor(filters.cursor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filters.limit + 1,
    select: SUMMARY,
  });
  // The keys' names in one query for the whole page (no relation: an entry outlives its key).
  const keyIds = [...new Set(rows.flatMap((r) => (r.apiKeyId ? [r.apiKeyId] : [])))];
  const keys = keyIds.length
    ? await db.apiKey.findMany({ where: { propertyId, id: { in: keyIds } }, select: { id: true, name: true, mode: true, last4: true } })
    : [];
  const byId = new Map(keys.map((k) => [k.id, { name: k.name, mode: k.mode, last4: k.last4 }]));
  const { data, nextCursor } = page(rows, filters.limit, (r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    key: (r.apiKeyId && byId.get(r.apiKeyId)) || null,
  }));
  return { rows: data, nextCursor };
}
export type RequestLogRow = Awaited<ReturnType<typeof listRequestLogs>>["rows"][number];

export async function getRequestLog(propertyId: string, id: string) {
  const row = await db.requestLog.findFirst({ where: { id, propertyId } });
  if (!row) throw notFound("Request log entry");
  // Rows logged before client IPs were normalised may carry "::ffff:".
  return { ...row, ip: plainIp(row.ip), createdAt: row.createdAt.toISOString() };
}
export type RequestLogDetail = Awaited<ReturnType<typeof getRequestLog>>;

export async function listLogKeys(propertyId: string) {
  return db.apiKey.findMany({
    where: { propertyId },
    select: { id: true, name: true, mode: true, last4: true },
    orderBy: { createdAt: "desc" },
  });
}

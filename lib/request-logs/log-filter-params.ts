// The Logs tab's filters as they stand in the URL: one set of nuqs parsers that the page (server) and the
// panel (client, `useQueryStates`) both read, plus the checks that turn a value nobody can filter by into
// a message instead of a silently unfiltered list. Client-safe: "nuqs/server" holds no "use client"
// directive, so the same parsers run in a server component and in the browser.
import { createSerializer, parseAsArrayOf, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { isStorableDate, STORABLE_DATE_MESSAGE } from "../db/storable-date";

export const LOG_METHODS = ["GET", "POST", "PATCH", "DELETE"] as const;
export const LOG_RANGES = ["1h", "24h", "7d", "30d", "custom"] as const;
export type LogRange = (typeof LOG_RANGES)[number];

export const STATUS_PATTERN = /^([1-5]xx|[1-5]\d\d)$/;
export const STATUS_MESSAGE = "A status code like 404 or a class like 4xx";
export const FROM_AFTER_TO_MESSAGE = "From must be before To";
const NOT_A_DATE_MESSAGE = "Not a date";

/**
 * Shallow updates: the panel reads its rows through TanStack Query keyed by the filters, so a changed
 * filter needs no server render; the server renders only the first visit (and a reload).
 */
export const logFilterParsers = {
  method: parseAsArrayOf(parseAsStringLiteral(LOG_METHODS)).withDefault([]),
  status: parseAsString.withDefault(""),
  range: parseAsString.withDefault(""),
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
  key: parseAsString.withDefault(""),
  path: parseAsString.withDefault(""),
  requestId: parseAsString.withDefault(""),
  route: parseAsString.withDefault(""),
  code: parseAsString.withDefault(""),
};
export const logFilterUrlOptions = { shallow: true, history: "replace", clearOnDefault: true } as const;

export interface LogFilterValues {
  method: (typeof LOG_METHODS)[number][];
  status: string;
  range: string;
  from: string;
  to: string;
  key: string;
  path: string;
  requestId: string;
  /** The operation's path template, exactly ("/reservations/{id}"). */
  route: string;
  /** The error code, exactly ("NOT_FOUND"). */
  code: string;
}
export type LogFilterField = "status" | "range" | "from" | "to";

const FIELD_LABELS: Record<LogFilterField, string> = { status: "Status", range: "Date range", from: "From", to: "To" };

const readDate = (value: string) => (value ? new Date(value) : null);
const isDate = (date: Date | null) => date !== null && !Number.isNaN(date.getTime());

/** Field → message for every value that cannot be applied (the filter form shows them inline). */
export function logFilterErrors(
  values: Pick<LogFilterValues, "status" | "range" | "from" | "to">,
): Partial<Record<LogFilterField, string>> {
  const errors: Partial<Record<LogFilterField, string>> = {};
  const status = values.status.trim();
  if (status && !STATUS_PATTERN.test(status)) errors.status = STATUS_MESSAGE;
  if (values.range && !(LOG_RANGES as readonly string[]).includes(values.range)) errors.range = "Not a date range this page offers";
  if (values.range === "custom") {
    const from = readDate(values.from.trim());
    const to = readDate(values.to.trim());
    if (from && !isDate(from)) errors.from = NOT_A_DATE_MESSAGE;
    else if (from && !isStorableDate(from)) errors.from = STORABLE_DATE_MESSAGE;
    if (to && !isDate(to)) errors.to = NOT_A_DATE_MESSAGE;
    else if (to && !isStorableDate(to)) errors.to = STORABLE_DATE_MESSAGE;
    if (isDate(from) && isDate(to) && from!.getTime() > to!.getTime()) errors.from = FROM_AFTER_TO_MESSAGE;
  }
  return errors;
}

export interface IgnoredFilter {
  field: LogFilterField;
  label: string;
  value: string;
  message: string;
}

/**
 * The filters the list really applies, and the ones from the URL it had to ignore (each named, with why).
 * From/To belong to a Custom range: a URL carrying them without a range means Custom.
 */
export function resolveLogFilters(raw: LogFilterValues): { applied: LogFilterValues; ignored: IgnoredFilter[] } {
  const range = !raw.range && (raw.from || raw.to) ? "custom" : raw.range;
  const values = {
    ...raw,
    range,
    status: raw.status.trim(),
    path: raw.path.trim(),
    requestId: raw.requestId.trim(),
    route: raw.route.trim(),
    code: raw.code.trim(),
  };
  const errors = logFilterErrors(values);
  const ignored: IgnoredFilter[] = [];
  const applied = { ...values };
  for (const field of Object.keys(errors) as LogFilterField[]) {
    ignored.push({ field, label: FIELD_LABELS[field], value: raw[field], message: errors[field]! });
    applied[field] = "";
  }
  // From after To spoils both ends: filtering by either alone would show a range nobody asked for.
  if (errors.from === FROM_AFTER_TO_MESSAGE) applied.to = "";
  if (applied.range !== "custom") {
    applied.from = "";
    applied.to = "";
  }
  return { applied, ignored };
}

const serialize = createSerializer(logFilterParsers, { clearOnDefault: true });

/** The applied filters as a canonical query string ("" when none): the query key and the JSON route's query. */
export function logFilterQuery(values: LogFilterValues): string {
  return serialize(values).replace(/^\?/, "");
}

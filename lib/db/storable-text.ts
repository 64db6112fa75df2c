// Text the database cannot take: PostgreSQL text cannot hold the NUL character, and a lone UTF-16
// surrogate (half of an emoji, say) breaks Prisma's JSON protocol and PostgreSQL's jsonb. Input
// carrying either is refused up front (400, or 404 for an id); text we must store as given (request
// logs, receivers' answers) gets U+FFFD in their place.
import { z } from "zod";

const storable = (text: string) => !text.includes("\u0000") && text.isWellFormed();

/**
 * An id the client sends (a form field, an action's argument): "Which …?" when missing, "No such …." when
 * it cannot name a row (too long, or text the database cannot hold), so it never reaches a query.
 */
export const storableId = (what: string) =>
  z
    .string({ error: `Which ${what}?` })
    .min(1, `Which ${what}?`)
    .max(100, `No such ${what}.`)
    .refine(storable, `No such ${what}.`);

/** What is wrong with a string the database cannot take, for an error message. */
export const UNSTORABLE_TEXT_MESSAGE = "Text may not contain NUL (\\u0000) characters or unpaired UTF-16 surrogates";

/** The dotted path of the first string (or object key) the database cannot take, or null. */
export function unstorableTextPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return storable(value) ? null : path.join(".");
  if (value && typeof value === "object") {
    for (const [name, inner] of Object.entries(value)) {
      if (!storable(name)) return [...path, name].join(".");
      const found = unstorableTextPath(inner, [...path, name]);
      if (found !== null) return found;
    }
  }
  return null;
}

/** A copy whose strings and object keys the database can take: NUL and lone surrogates become U+FFFD. */
export function storableCopy<T>(value: T): T {
  if (typeof value === "string") return (storable(value) ? value : value.replaceAll("\u0000", "\uFFFD").toWellFormed()) as T;
  if (Array.isArray(value)) return value.map(storableCopy) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [storableCopy(name), storableCopy(inner)])) as T;
  }
  return value;
}

// JSON.stringify writes a NUL as \u0000 and a lone surrogate as a \udXXX escape (a valid pair stays
// literal), so the text tells whether the slower copy is needed.
const UNSTORABLE_ESCAPE = /\\u0000|\\ud[89a-f][0-9a-f]{2}/i;

/** JSON text for PostgreSQL (json and jsonb), with anything it cannot take replaced by U+FFFD. */
export function storableJson(value: unknown): string {
  const text = JSON.stringify(value);
  return UNSTORABLE_ESCAPE.test(text) ? JSON.stringify(storableCopy(value)) : text;
}

// PostgreSQL text cannot hold the NUL character: input carrying one is refused up front, as a 400 (or
// a 404 for an id), instead of reaching the database and failing there.

/** The dotted path of the first string (or object key) holding a NUL character, or null. */
export function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") : null;
  if (value && typeof value === "object") {
    for (const [name, inner] of Object.entries(value)) {
      if (name.includes("\u0000")) return [...path, name].join(".");
      const found = nulPath(inner, [...path, name]);
      if (found !== null) return found;
    }
  }
  return null;
}

/** A copy with every NUL in strings and object keys replaced by U+FFFD, for text we must store as given. */
export function withoutNul<T>(value: T): T {
  if (typeof value === "string") return (value.includes("\u0000") ? value.replaceAll("\u0000", "\uFFFD") : value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [withoutNul(name), withoutNul(inner)])) as T;
  }
  return value;
}

/** JSON text for PostgreSQL: a NUL becomes U+FFFD (JSON writes a NUL as \u0000, so the text tells when any is there). */
export function jsonWithoutNul(value: unknown): string {
  const text = JSON.stringify(value);
  return text.includes("\\u0000") ? JSON.stringify(withoutNul(value)) : text;
}

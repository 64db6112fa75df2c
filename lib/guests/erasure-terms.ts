// What an erasure looks for and what it scrubs, as regular expressions for PostgreSQL (the batches that scan
// the logs) and for JavaScript (buffered logs, sealed answers). Erase by identity, not by word:
// - a row is tied to the guest when it names one of the guest's identifiers (its id, its stays' ids and
//   codes, its conversations, payments and door codes) or a value only the guest has (an e-mail, a phone
//   number, the integrator's reference), in any encoding a log or a body may hold;
// - in a tied row, every value the guest ever had (names included) is scrubbed; an untied row is left alone,
//   so a key named "Booking engine (integrator)" keeps its name when a guest called Integrator is erased.

export interface GuestTerms {
  ids: string[];
  emails: string[];
  phones: string[];
  names: string[];
  externalRefs: string[];
  countries: string[];
}

export const ERASED = "[erased]";

type Flavor = "pg" | "js";

const escapeRegex = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

/** A value as JSON text holds it: quotes and backslashes escaped, and with every non-ASCII character as \uXXXX. */
const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1);
const asciiJson = (text: string) =>
  jsonEscaped(text).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** The ways a value is written in paths, query strings, form and JSON bodies (case is ignored by the match). */
export function encodingsOf(value: string): string[] {
  const uri = encodeURIComponent(value);
  return [
    ...new Set([
      value,
      jsonEscaped(value),
      asciiJson(value),
      uri,
      uri.replace(/%20/g, "+"),
      encodeURIComponent(uri),
      value.replace(/ /g, "+"),
    ]),
  ];
}

function bounded(source: string, flavor: Flavor): string {
  return flavor === "pg" ? `(?<![[:alnum:]_])(?:${source})(?![[:alnum:]_])` : `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`;
}

/** A phone number however it is written: with or without its country code or trunk 0, spaces, dots, dashes, %20. */
function phoneSource(phone: string, flavor: Flavor): string | null {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 6) return null;
  const separator = flavor === "pg" ? "(?:[[:space:].()/-]|%20|%2[bB]|\\+)*" : "(?:[\\s.()/-]|%20|%2[bB]|\\+)*";
  const suffixes: string[] = [];
  for (let length = digits.length; length >= Math.min(9, digits.length); length--) {
    suffixes.push(`(?:\\+|00|%2[bB])?0?${digits.slice(-length).split("").join(separator)}`);
  }
  return `(?<![0-9])(?:${suffixes.join("|")})(?![0-9])`;
}

const longestFirst = (values: string[]) => [...new Set(values)].sort((a, b) => b.length - a.length);

function alternation(parts: string[]): string | null {
  return parts.length === 0 ? null : parts.join("|");
}

/** Values worth matching: 2 characters or more for names, 3 for references. */
const usable = (values: string[], min: number) => values.map((v) => v.trim()).filter((v) => v.length >= min);

/** Matches a row that is about the guest. */
export function tiePattern(terms: GuestTerms, flavor: Flavor): string | null {
  // A reference ties a row only when it could not be any number or short word: 5 characters or more, not only digits.
  const references = usable(terms.externalRefs, 5).filter((ref) => !/^\d+$/.test(ref));
  const words = longestFirst([...usable(terms.ids, 4), ...references, ...usable(terms.emails, 3)].flatMap(encodingsOf));
  const phones = terms.phones.map((p) => phoneSource(p, flavor)).filter((p): p is string => p !== null);
  const parts = [...(words.length > 0 ? [bounded(words.map(escapeRegex).join("|"), flavor)] : []), ...phones];
  return alternation(parts);
}

/** Matches, in a tied row, every personal value the guest had. `json`: only forms that keep JSON text valid. */
export function scrubPattern(terms: GuestTerms, flavor: Flavor, json = false): string | null {
  const values = [...usable(terms.emails, 3), ...usable(terms.externalRefs, 3), ...usable(terms.names, 2)];
  const words = longestFirst(values.flatMap(encodingsOf).filter((v) => !json || !/["\\]/.test(v.replace(/\\u[0-9a-f]{4}/gi, ""))));
  const phones = terms.phones.map((p) => phoneSource(p, flavor)).filter((p): p is string => p !== null);
  const parts = [...(words.length > 0 ? [bounded(words.map(escapeRegex).join("|"), flavor)] : []), ...phones];
  return alternation(parts);
}

/** The guest's country where a tied row names it as a field ("country": "PT", country=PT); group 1 is kept. */
export function countryPattern(terms: GuestTerms, flavor: Flavor): string | null {
  const codes = [...new Set(terms.countries.filter((c) => /^[A-Za-z]{2}$/.test(c)))];
  if (codes.length === 0) return null;
  const space = flavor === "pg" ? "[[:space:]]*" : "\\s*";
  return `("country"${space}:${space}"|\\\\"country\\\\"${space}:${space}\\\\"|[?&]country=)(?:${codes.join("|")})(?![A-Za-z])`;
}

/** JavaScript: whether a text is tied to the guest, and its scrubbed form. */
export function jsScrubber(terms: GuestTerms): { applies: (text: string) => boolean; scrub: (text: string) => string } {
  const tie = tiePattern(terms, "js");
  const scrub = scrubPattern(terms, "js");
  const country = countryPattern(terms, "js");
  const tied = tie ? new RegExp(tie, "iu") : null;
  const values = scrub ? new RegExp(scrub, "giu") : null;
  const countries = country ? new RegExp(country, "gi") : null;
  return {
    applies: (text) => tied !== null && tied.test(text),
    scrub: (text) => {
      const out = values ? text.replace(values, ERASED) : text;
      return countries ? out.replace(countries, `$1${ERASED}`) : out;
    },
  };
}

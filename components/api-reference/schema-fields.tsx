// A JSON Schema of the OpenAPI document as a list of fields a reader can scan: name, type, whether it is
// required, what values it takes, and the fields inside it.
import type { ReactNode } from "react";
import { InlineText } from "./inline-text";

export type Schema = { [key: string]: unknown };
export type Components = Record<string, Schema>;

const MAX_DEPTH = 5;
const asSchema = (value: unknown): Schema | undefined => (value && typeof value === "object" ? (value as Schema) : undefined);

/** The schema a `$ref` names, followed (once per name, so recursive schemas end). */
export function resolveSchema(schema: Schema, components: Components, seen: Set<string> = new Set()): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const name = ref.replace("#/components/schemas/", "");
  if (seen.has(name)) return { description: `${name} (as above)` };
  seen.add(name);
  const target = components[name];
  return target ? resolveSchema({ ...target, ...omit(schema, "$ref") }, components, seen) : { description: name };
}

const omit = (schema: Schema, key: string) => Object.fromEntries(Object.entries(schema).filter(([k]) => k !== key));

/** anyOf/oneOf with `null` as one choice reads as the other choice, "or null". */
function splitNull(schema: Schema): { schema: Schema; nullable: boolean } {
  const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(choices)) {
    const rest = choices.filter((choice) => choice.type !== "null");
    if (rest.length === 1 && rest.length < choices.length)
      return { schema: { ...omit(omit(schema, "anyOf"), "oneOf"), ...rest[0] }, nullable: true };
  }
  if (Array.isArray(schema.type) && schema.type.includes("null")) {
    const types = schema.type.filter((type) => type !== "null");
    return { schema: { ...schema, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  return { schema, nullable: false };
}

/** The named object a schema refers to (directly, as an array's items, or as the non-null choice), if any. */
function refName(schema: Schema): string | null {
  const ref = schema.$ref ?? asSchema(schema.items)?.$ref;
  if (typeof ref === "string") return ref.replace("#/components/schemas/", "");
  const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  const named = Array.isArray(choices) ? choices.map(refName).filter(Boolean) : [];
  return named.length === 1 ? named[0]! : null;
}

export const objectAnchor = (name: string) => `object-${name}`;

/** A named object is described once, in the reference's Objects section: a field of that type links there. */
function ObjectLink({ name }: { name: string }) {
  return (
    <a href={`#${objectAnchor(name)}`} className="ref-link">
      {name}
    </a>
  );
}

function typeLabel(schema: Schema, components: Components): ReactNode {
  const named = refName(schema);
  const { schema: s, nullable } = splitNull(resolveSchema(schema, components));
  let label: ReactNode;
  if (named && s.type === "array")
    label = (
      <>
        array of <ObjectLink name={named} />
      </>
    );
  else if (named) label = <ObjectLink name={named} />;
  else if (s.const !== undefined) label = JSON.stringify(s.const);
  else if (s.type === "array") label = <>array of {asSchema(s.items) ? typeLabel(asSchema(s.items)!, components) : "anything"}</>;
  else if (Array.isArray(s.type)) label = s.type.join(" or ");
  else if (typeof s.type === "string") label = s.type;
  else if (s.oneOf || s.anyOf) label = "one of the shapes below";
  else label = "any JSON";
  if (!named && typeof s.format === "string" && !["int32", "int64"].includes(s.format))
    label = (
      <>
        {label} ({s.format})
      </>
    );
  return nullable ? <>{label} or null</> : label;
}

/** The patterns of lib/openapi/input-hints.ts `notBlank`. */
const NOT_BLANK = /^\\S(\[\\s\\S\]\{\d+,\}\\S)?$/;

const count = (n: number) => n.toLocaleString("en");

function constraints(schema: Schema): ReactNode[] {
  const s = schema;
  const notes: ReactNode[] = [];
  if (Array.isArray(s.enum)) notes.push(<>One of {listOf(s.enum)}</>);
  if (typeof s.minLength === "number" || typeof s.maxLength === "number") {
    const min = s.minLength as number | undefined;
    const max = s.maxLength as number | undefined;
    notes.push(
      min && max
        ? `${count(min)} to ${count(max)} characters`
        : max
          ? `At most ${count(max)} characters`
          : `At least ${count(min!)} characters`,
    );
  }
  if (typeof s.minimum === "number" || typeof s.maximum === "number") {
    const min = s.minimum as number | undefined;
    const max = s.maximum as number | undefined;
    notes.push(
      min !== undefined && max !== undefined
        ? `${count(min)} to ${count(max)}`
        : max !== undefined
          ? `At most ${count(max)}`
          : `At least ${count(min!)}`,
    );
  }
  if (typeof s.minItems === "number" || typeof s.maxItems === "number")
    notes.push(
      `${s.minItems !== undefined ? `${count(s.minItems as number)} to ` : "Up to "}${count((s.maxItems as number | undefined) ?? Infinity)} items`,
    );
  // A format (date, email) says it in words; the patterns that only rule out blank text read as that.
  if (typeof s.pattern === "string" && NOT_BLANK.test(s.pattern)) notes.push("Not blank");
  else if (typeof s.pattern === "string" && typeof s.format !== "string")
    notes.push(
      <>
        Matches <code className="break-all">{s.pattern}</code>
      </>,
    );
  if (s.default !== undefined)
    notes.push(
      <>
        Default <code>{JSON.stringify(s.default)}</code>
      </>,
    );
  return notes;
}

function listOf(values: unknown[]): ReactNode {
  return values.map((value, i) => (
    <span key={String(value)}>
      {i > 0 ? ", " : ""}
      <code>{JSON.stringify(value)}</code>
    </span>
  ));
}

/** The fields of an object schema (or the shape of any other), nested objects inside their field. */
export function SchemaFields({
  schema,
  components,
  depth = 0,
  input = false,
}: {
  schema: Schema;
  components: Components;
  depth?: number;
  /** What a client sends: fields it must send say "required" (in an answer, every field is simply there). */
  input?: boolean;
}) {
  const { schema: s } = splitNull(resolveSchema(schema, components));
  const choices = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
  if (Array.isArray(choices) && choices.length > 0 && !s.properties) {
    // A union told apart by a constant `type` (the event envelopes): each event is described under Webhook events.
    const types = choices.map((choice) => asSchema(asSchema(resolveSchema(choice, components).properties)?.type)?.const);
    if (choices.length > 3 && types.every((type) => typeof type === "string"))
      return (
        <p className="text-sm text-slate-700">
          One of {choices.length} shapes, by <code>type</code>:{" "}
          {(types as string[]).map((type, i) => (
            <span key={type}>
              {i > 0 ? ", " : ""}
              <a href={`#event-${type}`} className="ref-link">
                {type}
              </a>
            </span>
          ))}
        </p>
      );
    return (
      <ol className="space-y-3">
        {choices.map((choice, i) => (
          <li key={i} className="rounded-md border border-slate-200 p-3">
            <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-600">Shape {i + 1}</p>
            <SchemaFields schema={choice} components={components} depth={depth + 1} input={input} />
          </li>
        ))}
      </ol>
    );
  }
  if (s.type === "array" && asSchema(s.items)) {
    const items = splitNull(resolveSchema(asSchema(s.items)!, components)).schema;
    if (items.properties) return <SchemaFields schema={items} components={components} depth={depth} input={input} />;
  }
  const properties = asSchema(s.properties) as Record<string, Schema> | undefined;
  if (!properties) {
    return (
      <p className="text-sm text-slate-700">
        <span className="font-mono text-xs">{typeLabel(s, components)}</span>
        {typeof s.description === "string" ? (
          <>
            {" · "}
            <InlineText text={s.description} />
          </>
        ) : null}
      </p>
    );
  }
  const required = new Set((s.required as string[] | undefined) ?? []);
  return (
    <ul className="ref-fields">
      {Object.entries(properties).map(([name, raw]) => {
        const field = splitNull(resolveSchema(raw, components)).schema;
        const inner = field.type === "array" ? splitNull(resolveSchema(asSchema(field.items) ?? {}, components)).schema : field;
        const nested =
          !refName(raw) && depth < MAX_DEPTH && (inner.properties || (inner.oneOf ?? inner.anyOf)) && inner.const === undefined;
        const notes = constraints(field);
        return (
          <li key={name} className="ref-field">
            <div className="ref-head">
              <code className="ref-name">{name}</code>
              <span className="ref-type">{typeLabel(raw, components)}</span>
              {input && required.has(name) ? <span className="ref-req">required</span> : null}
            </div>
            {typeof field.description === "string" ? (
              <p className="ref-desc">
                <InlineText text={field.description} />
              </p>
            ) : null}
            {notes.length > 0 ? (
              <p className="ref-notes">
                {notes.map((note, i) => (
                  <span key={i}>
                    {i > 0 ? " · " : ""}
                    {note}
                  </span>
                ))}
              </p>
            ) : null}
            {nested ? (
              <div className="mt-2">
                <SchemaFields schema={inner} components={components} depth={depth + 1} input={input} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

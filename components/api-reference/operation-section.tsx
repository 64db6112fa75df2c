// One operation of the API reference: what it does, what it takes, a request that works as pasted, and
// what it answers.
import { CopyButton } from "@/components/ui/copy-button";
import { Paragraphs, InlineText } from "./inline-text";
import { SchemaFields, type Components, type Schema } from "./schema-fields";

export type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  parameters?: (Schema & { name: string; in: string; required?: boolean; description?: string; schema?: Schema })[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, Schema & { description?: string; $ref?: string; content?: Record<string, { schema: Schema }> }>;
};

/** Headers every operation takes, described once at the top rather than under each operation. */
export const COMMON_HEADERS = new Set(["X-Api-Key", "traceparent"]);

const METHOD_TONE: Record<string, string> = {
  GET: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  POST: "bg-blue-50 text-blue-800 ring-blue-200",
  PATCH: "bg-amber-50 text-amber-900 ring-amber-200",
  DELETE: "bg-red-50 text-red-800 ring-red-200",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={`inline-block w-16 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold ring-1 ring-inset ${METHOD_TONE[method] ?? ""}`}
    >
      {method}
    </span>
  );
}

export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <div className="overflow-hidden rounded-md border border-slate-800 bg-slate-950">
      <div className="flex items-center justify-between gap-2 border-b border-slate-800 px-3 py-1.5">
        <span className="text-xs font-medium text-slate-300">{label}</span>
        <CopyButton value={code} label="Copy" aria-label={`Copy ${label.toLowerCase()}`} />
      </div>
      {/* Focusable, so a keyboard can scroll a long line into view. */}
      <pre
        tabIndex={0}
        aria-label={label}
        className="overflow-x-auto p-3 text-xs leading-relaxed text-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-400"
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}

export function OperationSection({
  method,
  path,
  operation,
  components,
  example,
}: {
  method: string;
  path: string;
  operation: Operation;
  components: Components;
  example: { curl: string; note?: string } | null;
}) {
  const parameters = (operation.parameters ?? []).filter((p) => !COMMON_HEADERS.has(p.name));
  const body = operation.requestBody?.content["application/json"]?.schema;
  const headingId = `${operation.operationId}-title`;
  const responses = Object.entries(operation.responses);
  const successes = responses.filter(([, response]) => typeof response.$ref !== "string");
  // Errors are described once, in the reference's Errors section.
  const errors = responses.filter(([, response]) => typeof response.$ref === "string").map(([status]) => status);
  return (
    <article id={operation.operationId} aria-labelledby={headingId} className="scroll-mt-16 border-t border-slate-200 py-8">
      <h3 id={headingId} className="text-lg font-semibold text-slate-900">
        {operation.summary}
      </h3>
      <p className="mt-2 flex items-center gap-2">
        <MethodBadge method={method} />
        <code className="text-sm text-slate-900 [overflow-wrap:anywhere]">{path}</code>
      </p>
      {operation.description ? (
        <div className="mt-3 space-y-2 text-sm text-slate-700">
          <Paragraphs text={operation.description} />
        </div>
      ) : null}

      {parameters.length > 0 ? (
        <>
          <h4 className="mt-5 text-sm font-semibold text-slate-900">Parameters</h4>
          <ul className="ref-fields mt-2">
            {parameters.map((parameter) => (
              <li key={`${parameter.in}:${parameter.name}`} className="ref-field">
                <div className="ref-head">
                  <code className="ref-name">{parameter.name}</code>
                  <span className="text-xs text-slate-600">in {parameter.in}</span>
                  {parameter.required ? <span className="ref-req">required</span> : null}
                </div>
                {parameter.description ? (
                  <p className="ref-desc">
                    <InlineText text={parameter.description} />
                  </p>
                ) : null}
                {parameter.schema ? (
                  <div className="mt-1">
                    <SchemaFields schema={parameter.schema} components={components} depth={5} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {body ? (
        <>
          <h4 className="mt-5 text-sm font-semibold text-slate-900">Request body</h4>
          <div className="mt-2">
            <SchemaFields schema={body} components={components} input />
          </div>
        </>
      ) : null}

      {example ? (
        <>
          <h4 className="mt-5 text-sm font-semibold text-slate-900">Example</h4>
          {example.note ? (
            <p className="mt-1 text-sm text-amber-900">
              <InlineText text={example.note} />
            </p>
          ) : null}
          <div className="mt-2">
            <CodeBlock code={example.curl} label={`Request: ${operation.summary}`} />
          </div>
        </>
      ) : null}

      <h4 className="mt-5 text-sm font-semibold text-slate-900">Responses</h4>
      <ul className="mt-2 space-y-2 text-sm">
        {successes.map(([status, response]) => {
          const schema = response.content?.["application/json"]?.schema;
          return (
            <li key={status} className="rounded-md border border-slate-200 px-3 py-2">
              <p>
                <code className="font-semibold text-emerald-800">{status}</code>{" "}
                <span className="text-slate-700">{response.description}</span>
              </p>
              {schema ? (
                <div className="mt-2">
                  <SchemaFields schema={schema} components={components} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {errors.length > 0 ? (
        <p className="mt-2 text-sm text-slate-700">
          Errors:{" "}
          {errors.map((status, i) => (
            <span key={status}>
              {i > 0 ? ", " : ""}
              <a href={`#error-${status}`} className="font-mono text-blue-800 underline">
                {status}
              </a>
            </span>
          ))}
        </p>
      ) : null}
    </article>
  );
}

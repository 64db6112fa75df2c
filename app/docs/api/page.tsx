// GET /docs/api: the API reference, rendered on the server from the OpenAPI document (/api/v1/openapi.json)
// with no script of its own beyond the copy buttons. A signed-in reader's examples name rows of their
// property that the operation accepts now, with a fresh Idempotency-Key on each view: they work as pasted.
import type { Metadata } from "next";
import Link from "next/link";
import { V1_HANDLERS } from "@/app/api/v1/openapi.json/v1-handlers";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listUserProperties } from "@/lib/auth/property-access";
import { can, mustSetUpTwoFactor } from "@/lib/auth/roles";
import { publicOrigin } from "@/lib/http/public-origin";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import { operationCurl } from "@/lib/openapi/operation-curl";
import { examplePathIds, findExampleRows, freshIdempotencyKey, requestExamples } from "@/lib/openapi/request-examples";
import { PRODUCT_NAME } from "@/lib/ui/product";
import { MethodBadge, OperationSection, type Operation } from "@/components/api-reference/operation-section";
import { Paragraphs, InlineText } from "@/components/api-reference/inline-text";
import { objectAnchor, SchemaFields, type Components, type Schema } from "@/components/api-reference/schema-fields";

export const metadata: Metadata = { title: "API reference" };

type Document = {
  info: { title: string; description: string; version: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation & { tags: string[] }>>;
  webhooks: Record<string, { post: Operation }>;
  components: {
    schemas: Components;
    responses: Record<string, { description?: string }>;
    headers: Record<string, { description?: string }>;
    securitySchemes: Record<string, { description?: string; name?: string; scheme?: string }>;
  };
};

let built: Document | null = null;
const apiDocument = () => (built ??= buildOpenApiDocument(V1_HANDLERS) as unknown as Document);

async function originOrPlaceholder() {
  try {
    return await publicOrigin();
  } catch {
    return "https://your-dashboard.example";
  }
}

export default async function ApiReferencePage({ searchParams }: { searchParams: Promise<{ property?: string | string[] }> }) {
  const doc = apiDocument();
  const { property: wanted } = await searchParams;
  const user = await getCurrentUser();
  const properties = user ? await listUserProperties(user.id) : [];
  const chosen = properties.find((p) => p.slug === wanted) ?? properties[0];
  // Webhook endpoint ids only for those API Access shows them to (a member the property makes set up 2FA first is not yet one).
  const seesEndpoints = chosen && user ? can.viewApiAccess(chosen.role) && !mustSetUpTwoFactor(chosen, chosen.role, user) : false;
  const rows = chosen ? await findExampleRows(chosen.id, { includeEndpoints: seesEndpoints }) : null;
  const examples = requestExamples(rows);
  const origin = await originOrPlaceholder();

  const operations = Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })))
    .filter(({ path }) => path !== "/openapi.json");
  const byTag = doc.tags
    .map((tag) => ({ tag, operations: operations.filter(({ operation }) => operation.tags[0] === tag.name) }))
    .filter(({ operations }) => operations.length > 0);

  const exampleOf = (method: string, path: string, operation: Operation) => {
    const example = examples[operation.operationId];
    const ids = { ...examplePathIds(path, rows), ...example?.path };
    const filled = path.replace(/\{(\w+)\}/g, (whole, name: string) => ids[name] ?? whole);
    const curl = operationCurl({ origin, method, path: filled, body: example?.body, idempotencyKey: freshIdempotencyKey() });
    const note = example?.missing
      ? `${rows?.propertyName ?? "This property"} has no ${example.missing}: fill in the \`{…}\` placeholders.`
      : undefined;
    return { curl, note };
  };

  return (
    <div className="min-h-screen bg-white">
      <header className="sticky top-0 z-20 flex h-12 items-center justify-between gap-4 border-b border-slate-200 bg-white px-4">
        <Link
          href="/"
          className="shrink-0 whitespace-nowrap rounded-md px-2 py-1.5 text-sm font-semibold text-blue-800 hover:bg-blue-50 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          ← Back to dashboard
        </Link>
        <span className="hidden truncate text-sm text-slate-600 sm:inline">{PRODUCT_NAME} · API reference</span>
      </header>

      <div className="mx-auto flex max-w-7xl gap-8 px-4 lg:px-8">
        <nav
          aria-label="API reference contents"
          className="sticky top-12 hidden max-h-[calc(100vh-3rem)] w-64 shrink-0 overflow-y-auto py-6 lg:block"
        >
          <Contents byTag={byTag} />
        </nav>

        <main className="min-w-0 flex-1 py-6">
          <h1 className="text-2xl font-semibold text-slate-900">{doc.info.title}</h1>
          <div className="mt-3 max-w-3xl space-y-3 text-sm text-slate-700">
            <Paragraphs text={doc.info.description} />
            <p>
              The machine-readable document is{" "}
              <a className="font-medium text-blue-800 underline" href="/api/v1/openapi.json">
                /api/v1/openapi.json
              </a>{" "}
              (OpenAPI 3.1): generate a client from it.
            </p>
          </div>

          <details className="mt-4 rounded-md border border-slate-200 px-3 py-2 lg:hidden">
            <summary className="cursor-pointer text-sm font-medium text-slate-900">Contents</summary>
            <nav aria-label="API reference contents, on a small screen" className="mt-2">
              <Contents byTag={byTag} />
            </nav>
          </details>

          <ExamplesNote rows={rows} properties={properties} chosenSlug={chosen?.slug} signedIn={Boolean(user)} />

          <section aria-labelledby="auth-title" className="mt-8">
            <h2 id="auth-title" className="text-xl font-semibold text-slate-900">
              Authentication and headers
            </h2>
            <ul className="mt-3 max-w-3xl space-y-2 text-sm text-slate-700">
              {Object.entries(doc.components.securitySchemes).map(([name, scheme]) => (
                <li key={name}>
                  <code className="font-semibold">{scheme.name ?? `Authorization: Bearer …`}</code>:{" "}
                  <InlineText text={scheme.description ?? ""} />
                </li>
              ))}
              <li>
                <code className="font-semibold">Idempotency-Key</code>: required on every POST, unique per operation (a UUID). A retry with
                the same key answers what the first did, for 24 hours.
              </li>
              <li>
                <code className="font-semibold">X-Api-Key</code>: your integration&apos;s partner key, where the property asks for one.
              </li>
              <li>
                <code className="font-semibold">traceparent</code> (optional): W3C Trace Context, kept in the request log and passed on with
                the webhooks the request causes.
              </li>
            </ul>
            <h3 className="mt-5 text-sm font-semibold text-slate-900">Headers on every answer</h3>
            <ul className="mt-2 max-w-3xl space-y-1 text-sm text-slate-700">
              {Object.entries(doc.components.headers).map(([name, header]) => (
                <li key={name}>
                  <code className="font-semibold">{name}</code>: <InlineText text={header.description ?? ""} />
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="errors-title" className="mt-8">
            <h2 id="errors-title" className="text-xl font-semibold text-slate-900">
              Errors
            </h2>
            <p className="mt-2 max-w-3xl text-sm text-slate-700">
              Every error is JSON with a stable <code>code</code> to branch on, a <code>message</code> for people and the{" "}
              <code>requestId</code> to quote to support.
            </p>
            <div className="mt-3 max-w-3xl">
              <SchemaFields schema={{ $ref: "#/components/schemas/Error" }} components={doc.components.schemas} />
            </div>
            <ul className="mt-3 max-w-3xl space-y-1 text-sm text-slate-700">
              {Object.entries(doc.components.responses).map(([name, response]) => (
                <li key={name} id={`error-${name.slice(1)}`} className="scroll-mt-16">
                  <code className="font-semibold">{name.slice(1)}</code> <InlineText text={response.description ?? ""} />
                </li>
              ))}
            </ul>
          </section>

          {byTag.map(({ tag, operations: tagged }) => (
            <section
              key={tag.name}
              id={`tag-${slug(tag.name)}`}
              aria-labelledby={`tag-${slug(tag.name)}-title`}
              className="mt-12 scroll-mt-16"
            >
              <h2 id={`tag-${slug(tag.name)}-title`} className="text-xl font-semibold text-slate-900">
                {tag.name}
              </h2>
              <p className="mt-1 text-sm text-slate-700">{tag.description}</p>
              {tagged.map(({ path, method, operation }) => (
                <OperationSection
                  key={operation.operationId}
                  method={method}
                  path={path}
                  operation={operation}
                  components={doc.components.schemas}
                  example={exampleOf(method, path, operation)}
                />
              ))}
            </section>
          ))}

          <section id="objects" aria-labelledby="objects-title" className="mt-12 scroll-mt-16">
            <h2 id="objects-title" className="text-xl font-semibold text-slate-900">
              Objects
            </h2>
            <p className="mt-1 max-w-3xl text-sm text-slate-700">What the answers and events hold, each described once.</p>
            {Object.entries(doc.components.schemas).map(([name, schema]) => (
              <article
                key={name}
                id={objectAnchor(name)}
                aria-labelledby={`${objectAnchor(name)}-title`}
                className="scroll-mt-16 border-t border-slate-200 py-6"
              >
                <h3 id={`${objectAnchor(name)}-title`} className="text-lg font-semibold text-slate-900">
                  {name}
                </h3>
                {typeof schema.description === "string" ? (
                  <p className="mt-1 text-sm text-slate-700">
                    <InlineText text={schema.description} />
                  </p>
                ) : null}
                <div className="mt-2">
                  <SchemaFields schema={schema} components={doc.components.schemas} />
                </div>
              </article>
            ))}
          </section>

          <section id="webhook-events" aria-labelledby="webhook-events-title" className="mt-12 scroll-mt-16">
            <h2 id="webhook-events-title" className="text-xl font-semibold text-slate-900">
              Webhook events
            </h2>
            <p className="mt-1 max-w-3xl text-sm text-slate-700">
              What we POST to your endpoint, signed as Standard Webhooks: verify with{" "}
              <code>new Webhook(secret).verify(rawBody, headers)</code> from any Standard Webhooks or Svix library. Answer 2xx within 15
              seconds; anything else is retried.
            </p>
            <ul className="mt-3 space-y-2">
              {Object.entries(doc.webhooks).map(([type, { post }]) => (
                <li key={type} id={`event-${type}`} className="rounded-md border border-slate-200 px-3 py-2 text-sm">
                  <details>
                    <summary className="cursor-pointer">
                      <code className="font-semibold text-slate-900">{type}</code>{" "}
                      <span className="text-slate-700">{post.description?.split(". Signed as")[0]}</span>
                    </summary>
                    <div className="mt-2">
                      <SchemaFields
                        schema={post.requestBody?.content["application/json"]?.schema ?? ({} as Schema)}
                        components={doc.components.schemas}
                      />
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          </section>
        </main>
      </div>
    </div>
  );
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

function Contents({ byTag }: { byTag: { tag: { name: string }; operations: { method: string; operation: Operation }[] }[] }) {
  return (
    <ul className="space-y-4 text-sm">
      <li>
        <a href="#auth-title" className="font-semibold text-slate-900 hover:underline">
          Authentication and headers
        </a>
      </li>
      <li>
        <a href="#errors-title" className="font-semibold text-slate-900 hover:underline">
          Errors
        </a>
      </li>
      {byTag.map(({ tag, operations }) => (
        <li key={tag.name}>
          <a href={`#tag-${slug(tag.name)}`} className="font-semibold text-slate-900 hover:underline">
            {tag.name}
          </a>
          <ul className="mt-1 space-y-1">
            {operations.map(({ method, operation }) => (
              <li key={operation.operationId}>
                <a
                  href={`#${operation.operationId}`}
                  className="flex items-center gap-2 rounded px-1 py-0.5 text-slate-700 hover:bg-slate-50 hover:underline"
                >
                  <MethodBadge method={method} />
                  <span className="min-w-0">{operation.summary}</span>
                </a>
              </li>
            ))}
          </ul>
        </li>
      ))}
      <li>
        <a href="#objects" className="font-semibold text-slate-900 hover:underline">
          Objects
        </a>
      </li>
      <li>
        <a href="#webhook-events" className="font-semibold text-slate-900 hover:underline">
          Webhook events
        </a>
      </li>
    </ul>
  );
}

function ExamplesNote({
  rows,
  properties,
  chosenSlug,
  signedIn,
}: {
  rows: { propertyName: string } | null;
  properties: { slug: string; name: string }[];
  chosenSlug?: string;
  signedIn: boolean;
}) {
  if (!signedIn)
    return (
      <p className="mt-4 max-w-3xl rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
        The examples show placeholders such as <code>{"{reservationId}"}</code>.{" "}
        <Link className="font-medium text-blue-800 underline" href="/login?callbackUrl=%2Fdocs%2Fapi">
          Sign in
        </Link>{" "}
        to have them name your property&apos;s own rows, ready to run.
      </p>
    );
  if (!rows) return null;
  return (
    <div className="mt-4 max-w-3xl rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
      <p>
        The examples act on <strong>{rows.propertyName}</strong> as it is now: each names a stay, guest or payment the request accepts, with
        a fresh Idempotency-Key. Set <code>PMS_API_KEY</code> to one of its keys with the scope the operation names, then paste.
      </p>
      {properties.length > 1 ? (
        <form method="get" className="mt-2 flex flex-wrap items-center gap-2">
          <label htmlFor="examples-property" className="font-medium text-slate-900">
            Examples for
          </label>
          <select
            id="examples-property"
            name="property"
            defaultValue={chosenSlug}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          >
            {properties.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium text-slate-900 hover:bg-slate-50"
          >
            Show
          </button>
        </form>
      ) : null}
    </div>
  );
}

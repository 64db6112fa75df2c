import fs from "node:fs";
import path from "node:path";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { GET as getDocument } from "../app/api/v1/openapi.json/route";
import type { V1Handler } from "../lib/api/v1-route";
import { isMethodRefusal } from "../lib/api/refuse-other-methods";
import { V1_HANDLERS } from "../app/api/v1/openapi.json/v1-handlers";

const V1_DIR = path.resolve("app/api/v1");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

async function documentJson() {
  const response = getDocument();
  expect(response.headers.get("content-type")).toBe("application/json");
  return { text: await response.text() };
}

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document a standard validator accepts without errors or warnings", async () => {
    const { text } = await documentJson();
    const document = JSON.parse(text) as { openapi: string };
    expect(document.openapi).toBe("3.1.0");
    const config = await createConfig({
      extends: ["recommended"],
      rules: { "info-license": "off", "info-license-url": "off", "operation-4xx-response": "error" },
    });
    const problems = (await lintFromString({ source: text, absoluteRef: "openapi.json", config }))
      // The document itself is public and cannot fail with a 4xx; every other operation must list theirs.
      .filter((p) => !(p.ruleId === "operation-4xx-response" && p.location[0]?.pointer === "#/paths/~1openapi.json/get/responses"));
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ""}`)).toEqual([]);
  });

  it("documents every route file under app/api/v1, at the path its folder gives it", async () => {
    const { text } = await documentJson();
    const document = JSON.parse(text) as { paths: Record<string, Record<string, { operationId: string }>> };
    const documented = new Set(
      Object.entries(document.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)),
    );
    const found: string[] = [];
    for (const file of routeFiles(V1_DIR)) {
      const relative = path.relative(V1_DIR, path.dirname(file)).split(path.sep).join("/");
      if (relative === "[...path]") continue; // the JSON 404 for paths that do not exist
      const apiPath = `/${relative.replace(/\[(\w+)\]/g, "{$1}")}`;
      const routeModule = (await import(file)) as Record<string, unknown>;
      for (const [method, handler] of Object.entries(routeModule)) {
        if (!["GET", "POST", "PATCH", "PUT", "DELETE"].includes(method)) continue;
        if (isMethodRefusal(handler)) continue; // the 405 of a method the route does not serve
        const definition = (handler as Partial<V1Handler>).definition;
        if (apiPath !== "/openapi.json") {
          expect(definition, `${method} ${apiPath} must be declared with v1Route`).toBeDefined();
          expect(`${definition!.method} ${definition!.path}`).toBe(`${method} ${apiPath}`);
          expect(V1_HANDLERS).toContain(handler);
        }
        expect(documented.has(`${method} ${apiPath}`), `${method} ${apiPath} is in the document`).toBe(true);
        found.push(`${method} ${apiPath}`);
      }
    }
    expect(found.length).toBe(documented.size);
  });

  it("describes the error body, the security schemes, the scope of each operation and an example", async () => {
    const document = JSON.parse((await documentJson()).text) as {
      components: { schemas: Record<string, { examples?: unknown[] }>; securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, { "x-required-scope"?: string; responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(document.components.securitySchemes)).toEqual(["bearerAuth", "userApiKey"]);
    expect(document.components.schemas.Error!.examples).toHaveLength(1);
    expect(document.components.schemas.Reservation!.examples).toHaveLength(1);
    expect(document.paths["/reservations"]!.post!["x-required-scope"]).toBe("reservations:write");
    expect(Object.keys(document.paths["/reservations"]!.post!.responses)).toEqual(
      expect.arrayContaining(["201", "400", "401", "403", "409"]),
    );
  });
});

// GET /api/v1/openapi.json: the OpenAPI 3.1 document of this API, generated from the routes themselves.
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import { V1_HANDLERS } from "./v1-handlers";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

let cached: string | null = null;

export function GET() {
  cached ??= JSON.stringify(buildOpenApiDocument(V1_HANDLERS), null, 2);
  return new Response(cached, {
    headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

// GET /docs/api/scalar.js: Scalar's browser bundle, from our own node_modules.
import fs from "node:fs/promises";
import path from "node:path";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

let bundle: Promise<Buffer> | null = null;

export async function GET() {
  bundle ??= fs.readFile(
    path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "@scalar", "api-reference", "dist", "browser", "standalone.js"),
  );
  return new Response(new Uint8Array(await bundle), {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

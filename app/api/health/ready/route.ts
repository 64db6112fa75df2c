// GET /api/health/ready: readiness — 200 when this instance can serve (its database answers), 503 with
// Retry-After when it cannot, so a load balancer stops sending it traffic. /api/health stays liveness.
import { checkDatabase } from "@/lib/db/check-database";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/db/database-unavailable";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  const headers = { "Cache-Control": "no-store" };
  if (database.ok) return Response.json({ status: "ok", database: { status: "ok", latencyMs: database.latencyMs } }, { headers });
  // The reason stays in the server log: it may name hosts or users.
  console.error(`readiness: database unavailable: ${database.error}`);
  return Response.json(
    { status: "unavailable", database: { status: "unavailable" } },
    { status: 503, headers: { ...headers, "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } },
  );
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

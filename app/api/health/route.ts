// GET /api/health: liveness, touching nothing (the baseline the API benchmarks compare against).
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });

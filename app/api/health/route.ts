// GET /api/health: liveness, touching nothing (the baseline the API benchmarks compare against).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}

import { getPool } from "@/db/client";
import { checkReadiness } from "@/server/health/readiness";

export const dynamic = "force-dynamic";

/** Readiness for a load balancer: 200 only when the database answers and migrations are current. */
export async function GET() {
  const readiness = await checkReadiness(getPool());
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

/** Liveness: the process is up and serving. Says nothing about the database on purpose. */
export function GET() {
  return Response.json({ status: "live" }, { headers: { "Cache-Control": "no-store" } });
}

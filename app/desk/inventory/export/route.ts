import { getDb } from "@/db/client";
import { getActor } from "@/server/auth/session";
import { DomainError } from "@/server/errors";
import { exportInventory } from "@/server/inventory/transfer/export";

export const dynamic = "force-dynamic";

/** The whole inventory as a JSON download, named by date, for staff. */
export async function GET() {
  const actor = await getActor();
  if (!actor) return new Response("Sign in first.", { status: 401 });
  try {
    const document = await exportInventory(getDb(), actor);
    return new Response(JSON.stringify(document, null, 2) + "\n", {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="hostdesk-inventory-${new Date().toISOString().slice(0, 10)}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return new Response(error.message, { status: 404 });
    throw error;
  }
}

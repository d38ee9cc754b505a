import { and, eq, isNull, ne } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { services, vms } from "@/db/schema";
import { canSeeOrg, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { orgIdInput } from "@/server/identity/schemas";

export type StructureEntry = { role: string; serviceKind: string | null };
/** A whole role missing on one side (`serviceKinds` lists what it runs), or one service kind missing from a role both have. */
export type DriftItem = { role: string; serviceKinds: string[]; wholeRole: boolean; missingIn: "staging" | "production" };

function kindsByRole(entries: StructureEntry[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const e of entries) {
    const kinds = map.get(e.role) ?? new Set<string>();
    if (e.serviceKind) kinds.add(e.serviceKind);
    map.set(e.role, kinds);
  }
  return map;
}

/**
 * Structural differences between production and staging: roles present on one side only, and for
 * roles on both sides, service kinds present on one side only. Counts do not matter (production runs
 * three web servers, staging one); shape does (production has a load balancer, staging has none).
 */
export function compareStructure(production: StructureEntry[], staging: StructureEntry[]): DriftItem[] {
  const sides = { production: kindsByRole(production), staging: kindsByRole(staging) };
  const drift: DriftItem[] = [];
  for (const [have, lack] of [
    ["production", "staging"],
    ["staging", "production"],
  ] as const) {
    for (const [role, kinds] of sides[have]) {
      const other = sides[lack].get(role);
      if (!other) drift.push({ role, serviceKinds: [...kinds].sort(), wholeRole: true, missingIn: lack });
      else for (const kind of kinds) if (!other.has(kind)) drift.push({ role, serviceKinds: [kind], wholeRole: false, missingIn: lack });
    }
  }
  return drift.sort((a, b) => a.missingIn.localeCompare(b.missingIn) || a.role.localeCompare(b.role) || a.serviceKinds.join().localeCompare(b.serviceKinds.join()));
}

/** An org's production/staging drift, for its portal and for staff. */
export async function environmentDrift(db: DbOrTx, actor: Actor, input: z.input<typeof orgIdInput>) {
  const { orgId } = orgIdInput.parse(input);
  if (!canSeeOrg(actor, orgId)) throw notFound("That organisation");
  const rows = await db
    .selectDistinct({ environment: vms.environment, role: vms.role, serviceKind: services.kind })
    .from(vms)
    .leftJoin(services, and(eq(services.vmId, vms.id), isNull(services.retiredAt)))
    .where(and(eq(vms.orgId, orgId), ne(vms.status, "retired")));
  const pick = (env: string) => rows.filter((r) => r.environment === env).map((r) => ({ role: r.role, serviceKind: r.serviceKind }));
  const production = pick("production");
  const staging = pick("staging");
  return { hasBoth: production.length > 0 && staging.length > 0, drift: compareStructure(production, staging) };
}

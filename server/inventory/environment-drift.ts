import { and, eq, isNull, ne } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { services, vms } from "@/db/schema";
import { canSeeOrg, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { orgIdInput } from "@/server/identity/schemas";

export type StructureEntry = { role: string; serviceKind: string | null };
export type DriftItem = { role: string; serviceKind: string | null; missingIn: "staging" | "production" };

const key = (e: StructureEntry) => `${e.role}\u0000${e.serviceKind ?? ""}`;

/**
 * Structural differences between production and staging: roles, and service kinds per role, present
 * in one and absent in the other. Counts do not matter (production runs three web servers, staging
 * one); shape does (production has a load balancer, staging has none).
 */
export function compareStructure(production: StructureEntry[], staging: StructureEntry[]): DriftItem[] {
  const prod = new Map(production.map((e) => [key(e), e]));
  const stg = new Map(staging.map((e) => [key(e), e]));
  const drift: DriftItem[] = [];
  for (const [k, e] of prod) if (!stg.has(k)) drift.push({ ...e, missingIn: "staging" });
  for (const [k, e] of stg) if (!prod.has(k)) drift.push({ ...e, missingIn: "production" });
  return drift.sort((a, b) => a.role.localeCompare(b.role) || (a.serviceKind ?? "").localeCompare(b.serviceKind ?? ""));
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

import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { services, vms } from "@/db/schema";
import { canSeeOrg, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { orgIdInput } from "@/server/identity/schemas";

/**
 * What a ticket of the org can be about: its VMs (retired ones left out) with their services,
 * grouped by VM for the "which servers are affected?" picker. The ids are what `nodeIds` takes.
 */
export async function ticketNodeChoices(db: DbOrTx, actor: Actor, input: z.input<typeof orgIdInput>) {
  const { orgId } = orgIdInput.parse(input);
  if (!canSeeOrg(actor, orgId)) throw notFound("That organisation");
  const [vmRows, serviceRows] = await Promise.all([
    db
      .select({ id: vms.id, name: vms.name, environment: vms.environment, role: vms.role })
      .from(vms)
      .where(and(eq(vms.orgId, orgId), ne(vms.status, "retired")))
      .orderBy(sql`lower(${vms.name})`),
    db
      .select({ id: services.id, vmId: services.vmId, name: services.name, kind: services.kind })
      .from(services)
      .where(and(eq(services.orgId, orgId), isNull(services.retiredAt)))
      .orderBy(asc(services.name)),
  ]);
  return vmRows.map((vm) => ({ ...vm, services: serviceRows.filter((s) => s.vmId === vm.id).map(({ id, name, kind }) => ({ id, name, kind })) }));
}

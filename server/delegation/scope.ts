import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orgs, services, vms } from "@/db/schema";
import { notFound } from "@/server/errors";
import type { SnippetContext } from "./kind";
import type { Scope } from "./schemas";

type Environment = SnippetContext["environment"];

/** The scope columns grants and snippets share (see the CHECK in db/schema/delegation.ts). */
export type ScopeColumns = {
  scopeType: Scope["type"];
  vmId: string | null;
  serviceId: string | null;
  environment: Environment | null;
};

export function scopeColumns(scope: Scope): ScopeColumns {
  return {
    scopeType: scope.type,
    vmId: scope.type === "vm" ? scope.vmId : null,
    serviceId: scope.type === "service" ? scope.serviceId : null,
    environment: scope.type === "environment" ? scope.environment : null,
  };
}

export function scopeOf(row: ScopeColumns): Scope {
  switch (row.scopeType) {
    case "vm":
      return { type: "vm", vmId: row.vmId! };
    case "service":
      return { type: "service", serviceId: row.serviceId! };
    case "environment":
      return { type: "environment", environment: row.environment! };
    case "org":
      return { type: "org" };
  }
}

/**
 * A scope checked against its org and spelled out: the VM it sits on (for a VM or a service), its
 * environment (where it has one) and a label people read, e.g. "nginx on acme-web01".
 */
export type Target = {
  scope: Scope;
  vmId: string | null;
  serviceId: string | null;
  environment: Environment | null;
  label: string;
};

/**
 * Resolves a scope inside one org. A VM or service of another org, or a retired one, answers
 * NOT_FOUND: a customer can never aim at hosts that are not theirs, and cannot probe for them.
 */
export async function resolveTarget(db: DbOrTx, orgId: string, columns: ScopeColumns): Promise<Target> {
  const scope = scopeOf(columns);
  switch (scope.type) {
    case "vm": {
      const [vm] = await db
        .select({ id: vms.id, name: vms.name, environment: vms.environment })
        .from(vms)
        .where(and(eq(vms.id, scope.vmId), eq(vms.orgId, orgId), ne(vms.status, "retired")));
      if (!vm) throw notFound("That VM");
      return { scope, vmId: vm.id, serviceId: null, environment: vm.environment, label: vm.name };
    }
    case "service": {
      const [row] = await db
        .select({ serviceName: services.name, vmId: vms.id, vmName: vms.name, environment: vms.environment })
        .from(services)
        .innerJoin(vms, eq(vms.id, services.vmId))
        .where(and(eq(services.id, scope.serviceId), eq(services.orgId, orgId), sql`${services.retiredAt} is null`, ne(vms.status, "retired")));
      if (!row) throw notFound("That service");
      return { scope, vmId: row.vmId, serviceId: scope.serviceId, environment: row.environment, label: `${row.serviceName} on ${row.vmName}` };
    }
    case "environment":
      return { scope, vmId: null, serviceId: null, environment: scope.environment, label: `all ${scope.environment} VMs` };
    case "org": {
      const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
      if (!org) throw notFound("That organisation");
      return { scope, vmId: null, serviceId: null, environment: null, label: `all ${org.name} VMs` };
    }
  }
}

/**
 * Whether a grant's scope reaches a target: the org reaches everything of the org, an environment
 * its VMs (and their services), a VM itself and its services, a service only itself.
 */
export function scopeCovers(grant: ScopeColumns, target: Target): boolean {
  switch (grant.scopeType) {
    case "org":
      return true;
    case "environment":
      return target.scope.type !== "org" && target.environment === grant.environment;
    case "vm":
      return target.vmId !== null && target.vmId === grant.vmId;
    case "service":
      return target.serviceId !== null && target.serviceId === grant.serviceId;
  }
}

/**
 * The environment a kind's policy judges the snippet by. An org-wide snippet reaches production
 * too, so it is held to production's rules.
 */
export const policyEnvironment = (target: Pick<Target, "environment">): Environment => target.environment ?? "production";

export type AffectedHost = { vmId: string; name: string; environment: Environment };

/** The VMs a scope of one org resolves to now: active (not retired) VMs only, by name. */
export async function hostsAffected(db: DbOrTx, orgId: string, columns: ScopeColumns): Promise<AffectedHost[]> {
  const active = and(eq(vms.orgId, orgId), ne(vms.status, "retired"));
  const select = db.select({ vmId: vms.id, name: vms.name, environment: vms.environment }).from(vms);
  switch (columns.scopeType) {
    case "vm":
      return select.where(and(active, eq(vms.id, columns.vmId!))).orderBy(asc(vms.name));
    case "service":
      return select.where(and(active, sql`${vms.id} = (select ${services.vmId} from ${services} where ${services.id} = ${columns.serviceId} and ${services.retiredAt} is null)`)).orderBy(asc(vms.name));
    case "environment":
      return select.where(and(active, eq(vms.environment, columns.environment!))).orderBy(asc(vms.name));
    case "org":
      return select.where(active).orderBy(asc(vms.name));
  }
}

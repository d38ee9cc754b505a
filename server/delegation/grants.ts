import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { grants, memberships, orgs, services, users, vms } from "@/db/schema";
import { canSeeOrg, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { badRequest, conflict, forbidden, notFound } from "@/server/errors";
import { isDelegationStaff, requireDelegationStaff } from "./access";
import type { SnippetKindName } from "./kind";
import { grantIdInput, grantInput, listGrantsInput } from "./schemas";
import { resolveTarget, scopeColumns, scopeCovers, scopeOf, type Target } from "./scope";

export type GrantRow = typeof grants.$inferSelect;

/**
 * Lets a customer org (or one user of it) edit one snippet kind on a scope of its own hosts. Staff
 * only; the VM or service must belong to that org.
 */
export async function grantAccess(db: Db, actor: Actor, input: z.input<typeof grantInput>) {
  requireDelegationStaff(actor);
  const data = grantInput.parse(input);
  return db.transaction(async (tx) => {
    const [org] = await tx.select({ id: orgs.id, kind: orgs.kind }).from(orgs).where(eq(orgs.id, data.orgId));
    if (!org) throw notFound("That organisation");
    if (org.kind !== "customer") throw badRequest("Grants are for customer organisations; staff edit snippets without one.");
    if (data.userId) {
      const [member] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.userId, data.userId), eq(memberships.orgId, data.orgId)));
      if (!member) throw badRequest("That person is not a member of this organisation.");
    }
    const columns = scopeColumns(data.scope);
    const target = await resolveTarget(tx, data.orgId, columns);
    const [grant] = await tx
      .insert(grants)
      .values({ orgId: data.orgId, userId: data.userId, kind: data.kind, mode: data.mode, grantedBy: actor.userId, ...columns })
      .returning();
    await recordAudit(tx, actor, {
      action: "grant.create",
      subjectType: "grant",
      subjectId: grant!.id,
      orgId: data.orgId,
      after: { kind: data.kind, scope: data.scope, target: target.label, mode: data.mode, userId: data.userId },
    });
    return { grantId: grant!.id, target: target.label };
  });
}

/** Ends a grant. Snippets stay and keep running; their owners can no longer change them under it. */
export async function revokeGrant(db: Db, actor: Actor, input: z.input<typeof grantIdInput>) {
  requireDelegationStaff(actor);
  const { grantId } = grantIdInput.parse(input);
  return db.transaction(async (tx) => {
    const [grant] = await tx.select().from(grants).where(eq(grants.id, grantId)).for("update");
    if (!grant) throw notFound("That grant");
    if (grant.revokedAt) throw conflict("That grant was already revoked.");
    const now = new Date();
    await tx.update(grants).set({ revokedAt: now, revokedBy: actor.userId }).where(eq(grants.id, grantId));
    await recordAudit(tx, actor, {
      action: "grant.revoke",
      subjectType: "grant",
      subjectId: grantId,
      orgId: grant.orgId,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
    });
    return { grantId, revokedAt: now };
  });
}

/** An org's grants with what they reach in words; customers read their own org's, to know what they may edit. */
export async function listGrants(db: DbOrTx, actor: Actor, input: z.input<typeof listGrantsInput>) {
  const { orgId, includeRevoked } = listGrantsInput.parse(input);
  if (!canSeeOrg(actor, orgId)) throw notFound("That organisation");
  const grantee = sql<string | null>`(select ${users.email} from ${users} where ${users.id} = ${grants.userId})`;
  const rows = await db
    .select({
      grant: grants,
      vmName: vms.name,
      serviceName: services.name,
      serviceVmName: sql<string | null>`(select v.name from vms v where v.id = ${services.vmId})`,
      granteeEmail: grantee,
    })
    .from(grants)
    .leftJoin(vms, eq(vms.id, grants.vmId))
    .leftJoin(services, eq(services.id, grants.serviceId))
    .where(and(eq(grants.orgId, orgId), includeRevoked ? undefined : isNull(grants.revokedAt)))
    .orderBy(grants.kind, desc(grants.createdAt));
  return rows.map(({ grant, vmName, serviceName, serviceVmName, granteeEmail }) => ({
    id: grant.id,
    orgId: grant.orgId,
    kind: grant.kind,
    scope: scopeOf(grant),
    target:
      grant.scopeType === "vm"
        ? vmName!
        : grant.scopeType === "service"
          ? `${serviceName} on ${serviceVmName}`
          : grant.scopeType === "environment"
            ? `all ${grant.environment} VMs`
            : "all VMs of the organisation",
    mode: grant.mode,
    userId: grant.userId,
    userEmail: granteeEmail,
    createdAt: grant.createdAt,
    revokedAt: grant.revokedAt,
  }));
}

/**
 * The live grants that let this actor edit `kind` on `target` in `orgId`: org-wide ones and the
 * actor's own, whose scope reaches the target. For staff, every live grant reaching the target
 * (staff need none; these only decide the review mode).
 */
export async function grantsFor(db: DbOrTx, actor: Actor, orgId: string, kind: SnippetKindName, target: Target): Promise<GrantRow[]> {
  const staff = isDelegationStaff(actor);
  if (!staff && !actor.customerOrgIds.includes(orgId)) return [];
  const rows = await db
    .select()
    .from(grants)
    .where(
      and(eq(grants.orgId, orgId), eq(grants.kind, kind), isNull(grants.revokedAt), staff ? undefined : or(isNull(grants.userId), eq(grants.userId, actor.userId))),
    );
  return rows.filter((grant) => scopeCovers(grant, target));
}

export type EditRight = { mode: "review" | "auto"; grantIds: string[] };

/**
 * Whether the actor may change snippets of `kind` on `target`, and how changes are decided: staff
 * always may; a customer needs a live grant reaching the target. Any covering grant in auto mode
 * makes the change auto-approved when it passes policy.
 */
export async function requireEditRight(db: DbOrTx, actor: Actor, orgId: string, kind: SnippetKindName, target: Target): Promise<EditRight> {
  if (!isDelegationStaff(actor) && !actor.customerOrgIds.includes(orgId)) throw notFound("That organisation");
  const covering = await grantsFor(db, actor, orgId, kind, target);
  if (!isDelegationStaff(actor) && covering.length === 0) {
    throw forbidden(`You have no grant to edit ${kind} snippets on ${target.label}. Ask support to grant it if you need it.`);
  }
  return { mode: covering.some((g) => g.mode === "auto") ? "auto" : "review", grantIds: covering.map((g) => g.id) };
}

import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { preparedStatement } from "@/db/prepared";
import { memberships, orgs, users } from "@/db/schema";
import { forbidden } from "@/server/errors";
import { isStaffRole, type Role, type StaffRole } from "./roles";

export type ActorMembership = { orgId: string; orgName: string; orgSlug: string; orgKind: "provider" | "customer"; role: Role };

/** The signed-in person as the domain sees them: always loaded fresh from the database. */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  memberships: ActorMembership[];
  isStaff: boolean;
  /** Customer orgs the actor belongs to; staff see every org, so this is only for customers. */
  customerOrgIds: string[];
  mustChangePassword: boolean;
};

export type SessionClaims = { userId: string; sessionVersion: number };

// Every request loads its actor, so the statement is kept prepared.
function prepareActorQuery(db: DbOrTx, name: string) {
  return db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      sessionVersion: users.sessionVersion,
      disabledAt: users.disabledAt,
      mustChangePassword: users.mustChangePassword,
      orgId: memberships.orgId,
      role: memberships.role,
      orgName: orgs.name,
      orgSlug: orgs.slug,
      orgKind: orgs.kind,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(eq(users.id, sql.placeholder("userId")))
    .prepare(name);
}

/**
 * Resolves session claims to an actor, or null when the session no longer holds: the account was
 * disabled or its session version was bumped (sign-out everywhere, password reset). Roles come from
 * the database, so a role change takes effect on the very next request.
 */
export async function loadActor(db: DbOrTx, claims: SessionClaims): Promise<Actor | null> {
  const rows = await preparedStatement(db, "load_actor", (name) => prepareActorQuery(db, name)).execute({ userId: claims.userId });
  const first = rows[0];
  if (!first || first.disabledAt || first.sessionVersion !== claims.sessionVersion) return null;

  const list: ActorMembership[] = [];
  for (const row of rows) {
    if (!row.orgId || !row.role || !row.orgName || !row.orgSlug || !row.orgKind) continue;
    list.push({ orgId: row.orgId, orgName: row.orgName, orgSlug: row.orgSlug, orgKind: row.orgKind, role: row.role });
  }
  list.sort((a, b) => a.orgName.localeCompare(b.orgName));
  const roles = [...new Set(list.map((m) => m.role))];
  return {
    userId: first.userId,
    email: first.email,
    name: first.name,
    roles,
    memberships: list,
    isStaff: roles.some(isStaffRole),
    customerOrgIds: list.filter((m) => m.orgKind === "customer").map((m) => m.orgId),
    mustChangePassword: first.mustChangePassword,
  };
}

export function hasStaffRole(actor: Actor, allowed: readonly StaffRole[]): boolean {
  return actor.roles.includes("admin") || actor.roles.some((role) => (allowed as readonly Role[]).includes(role));
}

/** Throws FORBIDDEN unless the actor holds one of the staff roles (admins always pass). */
export function requireStaff(actor: Actor, allowed: readonly StaffRole[] = ["agent", "engineer", "account_manager"]): void {
  if (!hasStaffRole(actor, allowed)) throw forbidden();
}

/** Whether the actor may see rows of this org: staff see every org, customers only their own. */
export function canSeeOrg(actor: Actor, orgId: string): boolean {
  return actor.isStaff || actor.customerOrgIds.includes(orgId);
}

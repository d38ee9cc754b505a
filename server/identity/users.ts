import { randomBytes } from "node:crypto";
import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, orgs, users } from "@/db/schema";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { isStaffRole, type Role } from "@/server/auth/roles";
import { recordAudit } from "@/server/audit/record";
import { badRequest, conflict, forbidden, isUniqueViolation, notFound } from "@/server/errors";
import { containsPattern } from "@/server/sql/like";
import {
  changePasswordInput,
  createUserInput,
  listUsersInput,
  removeMembershipInput,
  setMembershipInput,
  updateUserInput,
  userIdInput,
} from "./schemas";

/** What the audit trail keeps of a user: never the password hash. */
function auditView(user: typeof users.$inferSelect) {
  return { id: user.id, email: user.email, name: user.name, disabledAt: user.disabledAt, sessionVersion: user.sessionVersion };
}

/** A readable temporary password (about 100 bits), shown to the admin once. */
function temporaryPassword(): string {
  return randomBytes(15).toString("base64url").replace(/(.{5})(?=.)/g, "$1-");
}

/** Staff roles belong in the provider org, customer roles in customer orgs. */
async function assertRoleFitsOrg(db: Db, orgId: string, role: Role) {
  const [org] = await db.select({ kind: orgs.kind }).from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw notFound("That organisation");
  if (isStaffRole(role) !== (org.kind === "provider")) {
    throw badRequest(
      org.kind === "provider"
        ? "Staff need a staff role (admin, agent, engineer or account manager)."
        : "Customers need a customer role (owner or member).",
    );
  }
}

export async function listUsers(db: Db, actor: Actor, input?: z.input<typeof listUsersInput>) {
  requireStaff(actor, ["admin"]);
  const { search } = listUsersInput.parse(input);
  const pattern = search ? containsPattern(search) : undefined;
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      disabledAt: users.disabledAt,
      mustChangePassword: users.mustChangePassword,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined)
    .orderBy(asc(users.name))
    .limit(500);
  const ids = rows.map((row) => row.id);
  const links = ids.length
    ? await db
        .select({ userId: memberships.userId, orgId: orgs.id, orgName: orgs.name, orgKind: orgs.kind, role: memberships.role })
        .from(memberships)
        .innerJoin(orgs, eq(orgs.id, memberships.orgId))
        .where(inArray(memberships.userId, ids))
        .orderBy(asc(orgs.name))
    : [];
  return rows.map((row) => ({ ...row, memberships: links.filter((link) => link.userId === row.id) }));
}

export async function createUser(db: Db, actor: Actor, input: z.input<typeof createUserInput>) {
  requireStaff(actor, ["admin"]);
  const data = createUserInput.parse(input);
  await assertRoleFitsOrg(db, data.orgId, data.role);
  const temporary = data.password ? undefined : temporaryPassword();
  const passwordHash = await hashPassword(data.password ?? temporary!);
  try {
    const user = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({ email: data.email, name: data.name, passwordHash, mustChangePassword: Boolean(temporary) })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await tx.insert(memberships).values({ userId: created.id, orgId: data.orgId, role: data.role });
      await recordAudit(tx, actor, {
        action: "user.created",
        subjectType: "user",
        subjectId: created.id,
        orgId: data.orgId,
        after: { ...auditView(created), membership: { orgId: data.orgId, role: data.role } },
      });
      return created;
    });
    return { id: user.id, email: user.email, name: user.name, temporaryPassword: temporary };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("A user with that email already exists.");
    throw error;
  }
}

export async function updateUser(db: Db, actor: Actor, input: z.input<typeof updateUserInput>) {
  requireStaff(actor, ["admin"]);
  const data = updateUserInput.parse(input);
  if (data.disabled && data.userId === actor.userId) throw badRequest("You cannot disable your own account.");
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, data.userId)).for("update");
    if (!before) throw notFound("That user");
    const changes: Partial<typeof users.$inferInsert> = {};
    if (data.name !== undefined) changes.name = data.name;
    if (data.disabled !== undefined && data.disabled !== Boolean(before.disabledAt)) {
      changes.disabledAt = data.disabled ? new Date() : null;
      // Disabling ends every open session on its next request.
      if (data.disabled) changes.sessionVersion = before.sessionVersion + 1;
    }
    if (Object.keys(changes).length === 0) return auditView(before);
    const [after] = await tx.update(users).set(changes).where(eq(users.id, data.userId)).returning();
    const action = changes.disabledAt !== undefined ? (data.disabled ? "user.disabled" : "user.enabled") : "user.updated";
    await recordAudit(tx, actor, { action, subjectType: "user", subjectId: data.userId, before: auditView(before), after: auditView(after!) });
    return auditView(after!);
  });
}

/** Ends every session of a user on their next request. Admins for anyone, everyone for themselves. */
export async function revokeSessions(db: Db, actor: Actor, input: z.input<typeof userIdInput>) {
  const { userId } = userIdInput.parse(input);
  if (userId !== actor.userId) requireStaff(actor, ["admin"]);
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning();
    if (!after) throw notFound("That user");
    await recordAudit(tx, actor, { action: "user.sessions_revoked", subjectType: "user", subjectId: userId, after: auditView(after) });
  });
}

export async function setMembership(db: Db, actor: Actor, input: z.input<typeof setMembershipInput>) {
  requireStaff(actor, ["admin"]);
  const data = setMembershipInput.parse(input);
  if (data.userId === actor.userId && data.role !== "admin") throw badRequest("You cannot remove your own admin role.");
  await assertRoleFitsOrg(db, data.orgId, data.role);
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, data.userId));
    if (!user) throw notFound("That user");
    const [before] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, data.userId), eq(memberships.orgId, data.orgId)))
      .for("update");
    await tx
      .insert(memberships)
      .values(data)
      .onConflictDoUpdate({ target: [memberships.userId, memberships.orgId], set: { role: data.role } });
    await recordAudit(tx, actor, {
      action: before ? "membership.role_changed" : "membership.added",
      subjectType: "user",
      subjectId: data.userId,
      orgId: data.orgId,
      before: before ? { orgId: before.orgId, role: before.role } : null,
      after: { orgId: data.orgId, role: data.role },
    });
  });
}

export async function removeMembership(db: Db, actor: Actor, input: z.input<typeof removeMembershipInput>) {
  requireStaff(actor, ["admin"]);
  const data = removeMembershipInput.parse(input);
  if (data.userId === actor.userId) throw badRequest("You cannot remove your own membership.");
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(memberships)
      .where(and(eq(memberships.userId, data.userId), eq(memberships.orgId, data.orgId)))
      .returning();
    if (!removed) throw notFound("That membership");
    await recordAudit(tx, actor, {
      action: "membership.removed",
      subjectType: "user",
      subjectId: data.userId,
      orgId: data.orgId,
      before: { orgId: removed.orgId, role: removed.role },
    });
  });
}

/**
 * Changes the actor's own password. It also bumps the session version, so every session, this one
 * included, must sign in again with the new password.
 */
export async function changeOwnPassword(db: Db, actor: Actor, input: z.input<typeof changePasswordInput>) {
  const data = changePasswordInput.parse(input);
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw notFound("Your account");
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) throw forbidden("Your current password is not correct.");
  if (data.currentPassword === data.newPassword) throw badRequest("Choose a password different from the current one.");
  const passwordHash = await hashPassword(data.newPassword);
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.userId))
      .returning();
    await recordAudit(tx, actor, { action: "user.password_changed", subjectType: "user", subjectId: actor.userId, after: auditView(after!) });
  });
}

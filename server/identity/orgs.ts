import { and, asc, count, eq, ilike, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx, Db } from "@/db/client";
import { preparedStatement } from "@/db/prepared";
import { memberships, orgs, users } from "@/db/schema";
import { canSeeOrg, requireStaff, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { conflict, isUniqueViolation, notFound } from "@/server/errors";
import { containsPattern } from "@/server/sql/like";
import { createOrgInput, orgDirectoryInput, orgIdInput, renameOrgInput } from "./schemas";
import { slugify } from "./slug";

/** Orgs the actor may see: every org for staff, their own for customers. */
export async function listOrgs(db: DbOrTx, actor: Actor) {
  // Kept prepared per audience (db/prepared.ts): a customer's org ids are bound.
  const statement = (staff: boolean) => (name: string) =>
    db
      .select({ id: orgs.id, name: orgs.name, slug: orgs.slug, kind: orgs.kind, createdAt: orgs.createdAt, memberCount: count(memberships.userId) })
      .from(orgs)
      .leftJoin(memberships, eq(memberships.orgId, orgs.id))
      .where(staff ? undefined : sql`${orgs.id} = any(${sql.placeholder("orgIds")}::uuid[])`)
      .groupBy(orgs.id)
      .orderBy(asc(orgs.kind), asc(orgs.name))
      .prepare(name);
  return preparedStatement(db, `org_list_${actor.isStaff ? "staff" : "customer"}`, statement(actor.isStaff)).execute({ orgIds: actor.customerOrgIds });
}

/**
 * Customer orgs a page at a time, with a name filter: the directory staff look customers up in.
 * Customers get only their own orgs, like everywhere else.
 */
export async function listCustomerOrgs(db: DbOrTx, actor: Actor, input: z.input<typeof orgDirectoryInput>) {
  const { search, page, pageSize } = orgDirectoryInput.parse(input);
  const where = and(
    eq(orgs.kind, "customer"),
    actor.isStaff ? undefined : inArray(orgs.id, actor.customerOrgIds),
    search ? ilike(orgs.name, containsPattern(search)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: orgs.id, name: orgs.name, slug: orgs.slug, createdAt: orgs.createdAt, memberCount: sql<number>`(select count(*)::int from ${memberships} where ${memberships.orgId} = ${orgs.id})` })
      .from(orgs)
      .where(where)
      .orderBy(asc(orgs.name))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(orgs).where(where),
  ]);
  return { rows, total: total?.n ?? 0, page, pageSize };
}

/** One org with its members. Another org's id answers NOT_FOUND, exactly as a missing one would. */
export async function getOrg(db: DbOrTx, actor: Actor, input: z.input<typeof orgIdInput>) {
  const { orgId } = orgIdInput.parse(input);
  if (!canSeeOrg(actor, orgId)) throw notFound("That organisation");
  const [org] = await db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw notFound("That organisation");
  const members = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, disabled: sql<boolean>`${users.disabledAt} is not null` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.name));
  return { ...org, members };
}

async function uniqueSlug(db: DbOrTx, base: string): Promise<string> {
  const taken = await db.select({ slug: orgs.slug }).from(orgs).where(sql`${orgs.slug} like ${base + "%"}`);
  const set = new Set(taken.map((row) => row.slug));
  if (!set.has(base)) return base;
  for (let n = 2; ; n++) if (!set.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function createOrg(db: Db, actor: Actor, input: z.input<typeof createOrgInput>) {
  requireStaff(actor, ["admin"]);
  const data = createOrgInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const slug = data.slug ?? (await uniqueSlug(tx, slugify(data.name)));
      const [org] = await tx.insert(orgs).values({ name: data.name, slug, kind: "customer" }).returning();
      if (!org) throw new Error("insert returned no row");
      await recordAudit(tx, actor, { action: "org.created", subjectType: "org", subjectId: org.id, orgId: org.id, after: org });
      return org;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("An organisation with that name or slug already exists. Choose another.");
    throw error;
  }
}

export async function renameOrg(db: Db, actor: Actor, input: z.input<typeof renameOrgInput>) {
  requireStaff(actor, ["admin"]);
  const data = renameOrgInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(orgs).where(eq(orgs.id, data.orgId)).for("update");
      if (!before) throw notFound("That organisation");
      const [after] = await tx.update(orgs).set({ name: data.name }).where(eq(orgs.id, data.orgId)).returning();
      await recordAudit(tx, actor, { action: "org.renamed", subjectType: "org", subjectId: data.orgId, orgId: data.orgId, before, after });
      return after!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("An organisation with that name already exists. Choose another.");
    throw error;
  }
}

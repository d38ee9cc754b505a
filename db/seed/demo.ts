import { count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, orgs, users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import type { Role } from "@/server/auth/roles";
import { recordAudit } from "@/server/audit/record";
import { seedCannedReplies } from "./canned-replies";
import { seedContracts } from "./contracts";
import { seedDataCentre } from "./data-centre";
import { seedDelegation } from "./delegation";
import { seedTicketHistory } from "./ticket-history";
import { seedTickets } from "./tickets";

export const DEMO_PASSWORD = "hostdesk-demo";

type DemoAccount = { email: string; name: string; org: "provider" | "acme" | "globex"; role: Role };

/** The demo sign-ins the README lists; tests sign in with these too. */
export const demoAccounts: readonly DemoAccount[] = [
  { email: "admin@hostdesk.test", name: "Ada Admin", org: "provider", role: "admin" },
  { email: "agent@hostdesk.test", name: "Alex Agent", org: "provider", role: "agent" },
  { email: "engineer@hostdesk.test", name: "Erin Engineer", org: "provider", role: "engineer" },
  { email: "am@hostdesk.test", name: "Morgan Account-Manager", org: "provider", role: "account_manager" },
  { email: "owner@acme.test", name: "Olivia Owner", org: "acme", role: "owner" },
  { email: "dev@acme.test", name: "Dev Developer", org: "acme", role: "member" },
  { email: "owner@globex.test", name: "Gus Globex", org: "globex", role: "owner" },
];

const demoOrgs = {
  provider: { name: "Hostdesk Operations", slug: "hostdesk", kind: "provider" as const },
  acme: { name: "Acme", slug: "acme", kind: "customer" as const },
  globex: { name: "Globex", slug: "globex", kind: "customer" as const },
};

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(orgs);
  return (row?.n ?? 0) === 0;
}

/** Seeds the demo orgs and accounts in one transaction, audited as the seed. */
export async function seedDemo(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgIds = await db.transaction(async (tx) => {
    const orgIds = {} as Record<keyof typeof demoOrgs, string>;
    for (const [key, values] of Object.entries(demoOrgs) as [keyof typeof demoOrgs, (typeof demoOrgs)[keyof typeof demoOrgs]][]) {
      const [org] = await tx.insert(orgs).values(values).returning();
      orgIds[key] = org!.id;
      await recordAudit(tx, { system: "seed" }, { action: "org.created", subjectType: "org", subjectId: org!.id, orgId: org!.id, after: org });
    }
    const userIds = new Map<string, string>();
    for (const account of demoAccounts) {
      const [user] = await tx.insert(users).values({ email: account.email, name: account.name, passwordHash }).returning({ id: users.id });
      userIds.set(account.email, user!.id);
      await tx.insert(memberships).values({ userId: user!.id, orgId: orgIds[account.org], role: account.role });
      await recordAudit(tx, { system: "seed" }, {
        action: "user.created",
        subjectType: "user",
        subjectId: user!.id,
        orgId: orgIds[account.org],
        after: { email: account.email, name: account.name, role: account.role },
      });
    }
    await seedDataCentre(tx, { acme: orgIds.acme, globex: orgIds.globex }, userIds.get("engineer@hostdesk.test")!);
    await seedContracts(tx, { acme: orgIds.acme, globex: orgIds.globex }, userIds.get("am@hostdesk.test")!);
    return orgIds;
  });
  // Tickets come after the rest exists: last months' finished ones first (so they have the lower
  // numbers), then today's through the help desk's own functions, each in its own transaction.
  await seedTicketHistory(db, { acme: orgIds.acme, globex: orgIds.globex });
  await seedTickets(db, { acme: orgIds.acme, globex: orgIds.globex });
  await seedCannedReplies(db);
  await seedDelegation(db);
}

/** Seeds only a database that has no orgs yet, so restarts never duplicate or overwrite data. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  await seedDemo(db);
  return true;
}

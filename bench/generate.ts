import { randomUUID } from "node:crypto";
import { count, like } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, memberships, orgs, services, users, vms } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/demo";
import { hashPassword } from "@/server/auth/password";
import { generateDataCentre, inventoryPerScale } from "./generate-inventory";
import { generateTickets, ticketsPerScale } from "./generate-tickets";

/** Rows the generator adds per unit of `--scale`. Later issues add their own entries. */
export const perScale = { customerOrgs: 50, membersPerOrg: 3, vms: inventoryPerScale.vms } as const;

/** Orgs per multi-row insert: 500 orgs → 1,500 users (6,000 bind parameters, well under 65,535). */
const BATCH_ORGS = 500;
const BENCH_SLUG_PREFIX = "bench-";

export type DataCounts = { orgs: number; users: number; memberships: number; devices: number; vms: number; services: number };

function pad(n: number): string {
  return String(n).padStart(6, "0");
}

/**
 * Customer orgs with an owner and two members each. Idempotent: only the orgs missing up to the
 * requested scale are added, so a reused BENCH_DATABASE_URL is topped up, not duplicated.
 */
async function generateCustomerOrgs(db: Db, scale: number, passwordHash: string): Promise<number> {
  const wanted = scale * perScale.customerOrgs;
  const [existing] = await db.select({ n: count() }).from(orgs).where(like(orgs.slug, `${BENCH_SLUG_PREFIX}%`));
  const start = existing?.n ?? 0;
  const now = Date.now();

  for (let from = start; from < wanted; from += BATCH_ORGS) {
    const to = Math.min(wanted, from + BATCH_ORGS);
    const orgRows: (typeof orgs.$inferInsert)[] = [];
    const userRows: (typeof users.$inferInsert)[] = [];
    const membershipRows: (typeof memberships.$inferInsert)[] = [];
    for (let i = from; i < to; i++) {
      const slug = `${BENCH_SLUG_PREFIX}${pad(i + 1)}`;
      const orgId = randomUUID();
      // Spread sign-up dates over the past few years so date columns are not all equal.
      orgRows.push({ id: orgId, name: `Bench Customer ${pad(i + 1)}`, slug, kind: "customer", createdAt: new Date(now - i * 3_600_000) });
      for (let m = 0; m < perScale.membersPerOrg; m++) {
        const userId = randomUUID();
        const local = m === 0 ? "owner" : `member${m}`;
        userRows.push({ id: userId, email: `${local}@${slug}.test`, name: `${local} of ${slug}`, passwordHash });
        membershipRows.push({ userId, orgId, role: m === 0 ? "owner" : "member" });
      }
    }
    await db.transaction(async (tx) => {
      await tx.insert(orgs).values(orgRows);
      await tx.insert(users).values(userRows);
      await tx.insert(memberships).values(membershipRows);
    });
  }
  return Math.max(0, wanted - start);
}

export async function countData(db: Db): Promise<DataCounts> {
  const [o] = await db.select({ n: count() }).from(orgs);
  const [u] = await db.select({ n: count() }).from(users);
  const [m] = await db.select({ n: count() }).from(memberships);
  const [d] = await db.select({ n: count() }).from(devices);
  const [v] = await db.select({ n: count() }).from(vms);
  const [s] = await db.select({ n: count() }).from(services);
  return { orgs: o?.n ?? 0, users: u?.n ?? 0, memberships: m?.n ?? 0, devices: d?.n ?? 0, vms: v?.n ?? 0, services: s?.n ?? 0 };
}

export type GenerationTimings = Record<string, number>;

/**
 * Brings the database up to `scale`, with a generated data centre of `vms` VMs (default
 * scale × 50,000; 0 for none) spread over the generated customer orgs. Bench users share the demo
 * password so any of them can sign in. Returns the seconds each step took.
 */
export async function generateScaleData(db: Db, scale: number, vmCount = scale * perScale.vms, ticketCount = scale * ticketsPerScale): Promise<GenerationTimings> {
  const timings: GenerationTimings = {};
  const started = performance.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await generateCustomerOrgs(db, scale, passwordHash);
  timings.orgs = (performance.now() - started) / 1000;
  for (const [step, seconds] of Object.entries(await generateDataCentre(db, vmCount, BENCH_SLUG_PREFIX))) timings[`inventory ${step}`] = seconds;
  for (const [step, seconds] of Object.entries(await generateTickets(db, ticketCount, BENCH_SLUG_PREFIX))) timings[`helpdesk ${step}`] = seconds;
  return timings;
}

import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { racks, sites } from "@/db/schema";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { conflict, isUniqueViolation, notFound } from "@/server/errors";
import { rackInput, siteInput, updateSiteInput } from "./schemas";
import { inventoryKeepers } from "./vm-changes";

const siteNameTaken = () => conflict("A site with that name already exists. Site names are unique.");

export async function createSite(db: Db, actor: Actor, input: z.input<typeof siteInput>) {
  requireStaff(actor, inventoryKeepers);
  const data = siteInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [site] = await tx.insert(sites).values(data).returning();
      await recordAudit(tx, actor, { action: "site.created", subjectType: "site", subjectId: site!.id, after: site });
      return site!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw siteNameTaken();
    throw error;
  }
}

/** Renames a site or corrects its city; its racks and hardware stay where they are. */
export async function updateSite(db: Db, actor: Actor, input: z.input<typeof updateSiteInput>) {
  requireStaff(actor, inventoryKeepers);
  const { siteId, ...changes } = updateSiteInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(sites).where(eq(sites.id, siteId)).for("update");
      if (!before) throw notFound("That site");
      const [after] = await tx
        .update(sites)
        .set({ name: changes.name ?? before.name, city: changes.city ?? before.city })
        .where(eq(sites.id, siteId))
        .returning();
      await recordAudit(tx, actor, { action: "site.updated", subjectType: "site", subjectId: siteId, before, after });
      return after!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw siteNameTaken();
    throw error;
  }
}

export async function createRack(db: Db, actor: Actor, input: z.input<typeof rackInput>) {
  requireStaff(actor, inventoryKeepers);
  const data = rackInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [site] = await tx.select().from(sites).where(eq(sites.id, data.siteId));
      if (!site) throw notFound("That site");
      const [rack] = await tx.insert(racks).values(data).returning();
      await recordAudit(tx, actor, { action: "rack.created", subjectType: "rack", subjectId: rack!.id, after: { ...rack, siteName: site.name } });
      return rack!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`That site already has a rack with this name.`);
    throw error;
  }
}

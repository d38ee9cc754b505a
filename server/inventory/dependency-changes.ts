import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { dependencies } from "@/db/schema";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { badRequest, conflict, isUniqueViolation, notFound } from "@/server/errors";
import { ancestorIds } from "./graph";
import { edgesAbove } from "./graph-queries";
import { resolveNodes } from "./nodes";
import { dependencyInput, idInput } from "./schemas";
import { inventoryKeepers } from "./vm-changes";

/**
 * Records that `child` needs `parent`. Refused when it would close a cycle (the child is already
 * something the parent depends on): a cycle would make every node in it its own cause of failure.
 */
export async function addDependency(db: Db, actor: Actor, input: z.input<typeof dependencyInput>) {
  requireStaff(actor, inventoryKeepers);
  const data = dependencyInput.parse(input);
  if (data.parentId === data.childId) throw badRequest("A node cannot depend on itself.");
  try {
    return await db.transaction(async (tx) => {
      const nodes = await resolveNodes(tx, [data.parentId, data.childId]);
      const parent = nodes.get(data.parentId);
      const child = nodes.get(data.childId);
      if (!parent || parent.kind !== data.parentKind) throw notFound("The parent");
      if (!child || child.kind !== data.childKind) throw notFound("The child");
      if (ancestorIds(data.parentId, await edgesAbove(tx, data.parentId)).has(data.childId)) {
        throw badRequest(`${parent.name} already depends on ${child.name}; making ${child.name} depend on ${parent.name} would close a cycle.`);
      }
      const [edge] = await tx.insert(dependencies).values(data).returning();
      await recordAudit(tx, actor, {
        action: "dependency.added",
        subjectType: "dependency",
        subjectId: edge!.id,
        orgId: child.orgId,
        after: { parent: parent.name, child: child.name, redundancyGroup: edge!.redundancyGroup },
      });
      return edge!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("That dependency is already recorded.");
    throw error;
  }
}

export async function removeDependency(db: Db, actor: Actor, input: z.input<typeof idInput>) {
  requireStaff(actor, inventoryKeepers);
  const { id } = idInput.parse(input);
  return db.transaction(async (tx) => {
    const [removed] = await tx.delete(dependencies).where(eq(dependencies.id, id)).returning();
    if (!removed) throw notFound("That dependency");
    await recordAudit(tx, actor, { action: "dependency.removed", subjectType: "dependency", subjectId: id, before: removed });
  });
}

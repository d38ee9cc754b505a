import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { conflict, isUniqueViolation } from "@/server/errors";
import { applyImportPlan } from "./apply";
import { cycleProblem } from "./cycle-check";
import { inventoryDocument, type InventoryDocumentInput } from "./format";
import { loadInventoryState } from "./inventory-state";
import { planImport } from "./plan";
import { ImportProblems, problemsOfZodError } from "./problems";
import type { ImportSummary } from "./summary";

/**
 * Holds off every other change to the inventory until the import commits, so what was validated is
 * what gets written (no VM created meanwhile under a name the import is about to take, no pool
 * removed under a VM it places). Plain reads go on; concurrent imports queue behind each other.
 */
async function lockInventory(tx: Tx): Promise<void> {
  await tx.execute(sql`lock table sites, racks, devices, storage_pools, vms, services, dependencies, backups in share row exclusive mode`);
}

/**
 * Loads an inventory document: creates what is missing and updates what differs, matched by natural
 * key (names), and leaves rows that already match untouched, so importing the same document twice
 * changes nothing the second time. Rows the document leaves out are kept: an import adds and
 * corrects, it never deletes.
 *
 * The whole document is checked before anything is written (syntax, duplicate names, references
 * to the document or the database, device kinds, dependency cycles); any problem refuses it all,
 * listed with JSON paths. Capacity limits are not enforced: the import records the data centre as
 * it is, and the capacity report shows where it runs past policy.
 *
 * Engineers and admins only: an import can rewrite the whole inventory at once.
 */
export async function importInventory(db: Db, actor: Actor, input: InventoryDocumentInput): Promise<ImportSummary> {
  requireStaff(actor, ["engineer"]);
  const parsed = inventoryDocument.safeParse(input);
  if (!parsed.success) throw problemsOfZodError(parsed.error).refusal();
  const document = parsed.data;

  try {
    return await db.transaction(async (tx) => {
      await lockInventory(tx);
      const state = await loadInventoryState(tx);
      const outcome = planImport(document, state);
      if ("problems" in outcome) throw outcome.problems.refusal();
      const { plan } = outcome;
      const cycle = cycleProblem(document, state, plan);
      if (cycle) {
        const problems = new ImportProblems();
        problems.add(cycle.path, cycle.message);
        throw problems.refusal();
      }

      await applyImportPlan(tx, plan);
      // One event for the whole import, not one per row: it is one change, made and approved as a
      // whole, and tens of thousands of row events would bury every other entry of the trail. The
      // document itself is the detail; the summary says how much it changed.
      await recordAudit(tx, actor, { action: "inventory.imported", subjectType: "inventory", subjectId: "import", after: plan.summary });
      return plan.summary;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("The inventory changed while the document was being imported. Import it again.");
    throw error;
  }
}

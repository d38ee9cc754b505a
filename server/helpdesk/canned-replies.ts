import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { cannedReplies } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { conflict, isUniqueViolation, notFound } from "@/server/errors";
import { requireDeskStaff } from "./access";

const title = z.string().trim().min(2, "Give the canned reply a title.").max(120, "Keep the title under 120 characters.");
const body = z.string().trim().min(1, "Write the reply's text.").max(20_000, "Keep a canned reply under 20,000 characters.");

export const cannedReplyIdInput = z.object({ cannedReplyId: z.uuid() });
export const createCannedReplyInput = z.object({ title, body });
export const updateCannedReplyInput = z.object({ cannedReplyId: z.uuid(), title: title.optional(), body: body.optional() });

const fields = { id: cannedReplies.id, title: cannedReplies.title, body: cannedReplies.body, updatedAt: cannedReplies.updatedAt };
const titleTaken = (t: string) => conflict(`There is already a canned reply called “${t}”. Choose another title.`);

/** Every canned reply, by title. They belong to the desk, not to a customer, so there is no org scope. */
export async function listCannedReplies(db: DbOrTx, actor: Actor) {
  requireDeskStaff(actor);
  return db.select(fields).from(cannedReplies).orderBy(asc(cannedReplies.title));
}

export async function createCannedReply(db: Db, actor: Actor, input: z.input<typeof createCannedReplyInput>) {
  requireDeskStaff(actor);
  const data = createCannedReplyInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(cannedReplies).values({ ...data, createdBy: actor.userId }).returning(fields);
      await recordAudit(tx, actor, { action: "canned_reply.create", subjectType: "canned_reply", subjectId: row!.id, after: data });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw titleTaken(data.title);
    throw error;
  }
}

export async function updateCannedReply(db: Db, actor: Actor, input: z.input<typeof updateCannedReplyInput>) {
  requireDeskStaff(actor);
  const { cannedReplyId, ...changes } = updateCannedReplyInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select(fields).from(cannedReplies).where(eq(cannedReplies.id, cannedReplyId)).for("update");
      if (!before) throw notFound("That canned reply");
      const [row] = await tx
        .update(cannedReplies)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(cannedReplies.id, cannedReplyId))
        .returning(fields);
      await recordAudit(tx, actor, {
        action: "canned_reply.update",
        subjectType: "canned_reply",
        subjectId: cannedReplyId,
        before: { title: before.title, body: before.body },
        after: { title: row!.title, body: row!.body },
      });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error) && changes.title) throw titleTaken(changes.title);
    throw error;
  }
}

export async function deleteCannedReply(db: Db, actor: Actor, input: z.input<typeof cannedReplyIdInput>) {
  requireDeskStaff(actor);
  const { cannedReplyId } = cannedReplyIdInput.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(cannedReplies).where(eq(cannedReplies.id, cannedReplyId)).returning(fields);
    if (!row) throw notFound("That canned reply");
    // The text goes into the trail, so a deleted reply can be restored by hand.
    await recordAudit(tx, actor, { action: "canned_reply.delete", subjectType: "canned_reply", subjectId: cannedReplyId, before: { title: row.title, body: row.body } });
    return { cannedReplyId };
  });
}

import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { ticketAttachments, ticketMessages, tickets } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { badRequest, conflict, DomainError, notFound } from "@/server/errors";
import { isDeskStaff, ticketFor, type TicketRow } from "./access";
import { announceTicket } from "./announce";
import { formatFileSize, MAX_ATTACHMENT_BYTES, MAX_FILES_PER_UPLOAD, sanitiseFileName, attachmentTypesInWords } from "./attachment-rules";
import { sniffAttachmentType } from "./attachment-sniff";

/** A file as it arrived: the name and type the browser sent are claims, the bytes are the truth. */
export type IncomingFile = { name: string; claimedType: string; data: Uint8Array };

const uploadInput = z.object({
  ticketId: z.uuid(),
  messageId: z.uuid().nullable().default(null),
  files: z
    .array(z.object({ name: z.string().max(4096), claimedType: z.string().max(255), data: z.instanceof(Uint8Array) }))
    .min(1, "Choose a file to attach.")
    .max(MAX_FILES_PER_UPLOAD, `Attach at most ${MAX_FILES_PER_UPLOAD} files at a time.`),
});

export type StoredAttachment = { id: string; messageId: string | null; fileName: string; contentType: string; sizeBytes: number };

/** Checks one file and says, in words its uploader understands, what is wrong with it. */
function acceptFile(file: IncomingFile) {
  const fileName = sanitiseFileName(file.name);
  if (file.data.byteLength === 0) throw badRequest(`${fileName} is empty.`);
  if (file.data.byteLength > MAX_ATTACHMENT_BYTES) {
    throw badRequest(`${fileName} is ${formatFileSize(file.data.byteLength)}; files can be at most ${formatFileSize(MAX_ATTACHMENT_BYTES)}. Compress it or send a part of it.`);
  }
  const contentType = sniffAttachmentType(file.data, file.claimedType, fileName);
  if (!contentType) throw badRequest(`${fileName} is not a kind of file we accept. You can attach ${attachmentTypesInWords}.`);
  return { fileName, contentType, data: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength) };
}

/**
 * The message the files belong to, which decides who may see them. A named message must be one
 * the uploader wrote on this ticket. Without one, a customer's files go with their latest message
 * (customers see only files on public messages, so a loose file would be hidden from its own
 * uploader); staff files without a message stay on the ticket, visible to staff only.
 */
async function owningMessage(tx: DbOrTx, actor: Actor, ticket: TicketRow, messageId: string | null): Promise<string | null> {
  const own = and(eq(ticketMessages.ticketId, ticket.id), eq(ticketMessages.authorId, actor.userId));
  if (messageId) {
    const [message] = await tx.select({ id: ticketMessages.id }).from(ticketMessages).where(and(own, eq(ticketMessages.id, messageId)));
    if (!message) throw badRequest("Attach files to a message you wrote on this ticket.");
    return message.id;
  }
  if (isDeskStaff(actor)) return null;
  const [latest] = await tx.select({ id: ticketMessages.id }).from(ticketMessages).where(own).orderBy(desc(ticketMessages.createdAt), desc(ticketMessages.id)).limit(1);
  if (!latest) throw badRequest("Write a reply first, then attach your files to it.");
  return latest.id;
}

/**
 * Stores files on a ticket the actor may see, all or none: one bad file refuses the whole upload,
 * so nobody is left wondering which of their files made it. Audited as one event per upload.
 */
export async function storeAttachments(db: Db, actor: Actor, ticketId: string, files: IncomingFile[], messageId: string | null = null): Promise<StoredAttachment[]> {
  const input = uploadInput.parse({ ticketId, messageId, files });
  const now = new Date();
  return db.transaction(async (tx) => {
    const ticket = await ticketFor(tx, actor, input.ticketId, true);
    if (ticket.mergedIntoId) throw conflict("This ticket was merged into another; attach your files there.");
    if (ticket.status === "closed" && !isDeskStaff(actor)) throw conflict("This ticket is closed. Please open a new ticket and attach your files there.");
    const owner = await owningMessage(tx, actor, ticket, input.messageId);
    const accepted = input.files.map(acceptFile);
    const stored = await tx
      .insert(ticketAttachments)
      .values(accepted.map((f) => ({ ticketId: ticket.id, messageId: owner, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.data.byteLength, data: f.data, uploadedBy: actor.userId, createdAt: now })))
      .returning({ id: ticketAttachments.id, messageId: ticketAttachments.messageId, fileName: ticketAttachments.fileName, contentType: ticketAttachments.contentType, sizeBytes: ticketAttachments.sizeBytes });
    await tx.update(tickets).set({ updatedAt: now }).where(eq(tickets.id, ticket.id));
    await recordAudit(tx, actor, {
      action: "ticket.attach",
      subjectType: "ticket",
      subjectId: ticket.id,
      orgId: ticket.orgId,
      after: { messageId: owner, files: stored.map(({ id, fileName, contentType, sizeBytes }) => ({ id, fileName, contentType, sizeBytes })) },
    });
    await announceTicket(tx, { ticketId: ticket.id, orgId: ticket.orgId, number: ticket.number, kind: "changed" });
    return stored;
  });
}

/**
 * A file with its bytes, if the actor may have it: they must be able to see its ticket, and
 * customers only get files of public messages. Anything else reads as a missing file.
 */
export async function attachmentForDownload(db: DbOrTx, actor: Actor, id: string) {
  if (!z.uuid().safeParse(id).success) throw notFound("That file");
  const [file] = await db
    .select({ id: ticketAttachments.id, ticketId: ticketAttachments.ticketId, fileName: ticketAttachments.fileName, contentType: ticketAttachments.contentType, sizeBytes: ticketAttachments.sizeBytes, visibility: ticketMessages.visibility })
    .from(ticketAttachments)
    .leftJoin(ticketMessages, eq(ticketMessages.id, ticketAttachments.messageId))
    .where(eq(ticketAttachments.id, id));
  if (!file) throw notFound("That file");
  try {
    await ticketFor(db, actor, file.ticketId);
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") throw notFound("That file");
    throw error;
  }
  // A file on an internal note, or on no message at all, is the desk's own.
  if (!isDeskStaff(actor) && file.visibility !== "public") throw notFound("That file");
  // The bytes are read only once access is settled: a refused request costs no 10 MiB read.
  const [content] = await db.select({ data: ticketAttachments.data }).from(ticketAttachments).where(eq(ticketAttachments.id, id));
  if (!content) throw notFound("That file");
  return { id: file.id, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes, data: content.data };
}

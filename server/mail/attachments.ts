import type { Tx } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { formatFileSize, MAX_ATTACHMENT_BYTES, MAX_FILES_PER_UPLOAD, sanitiseFileName } from "@/server/helpdesk/attachment-rules";
import { sniffAttachmentType } from "@/server/helpdesk/attachment-sniff";
import { storeAttachments, type IncomingFile } from "@/server/helpdesk/attachments";
import type { InboundAttachment } from "./inbound-mail";
import { inTransaction } from "./in-transaction";

export type AttachmentPlan = { files: IncomingFile[]; refused: string[] };

/**
 * Which of a mail's files the ticket can take, by the same rules as uploads (attachment-rules.ts).
 * An upload refuses a bad file outright so its uploader can fix it; a mail cannot be asked again, so
 * the good files are kept and the others are named in the message (see `refusedNote`).
 */
export function planAttachments(attachments: readonly InboundAttachment[]): AttachmentPlan {
  const plan: AttachmentPlan = { files: [], refused: [] };
  for (const attachment of attachments) {
    const name = sanitiseFileName(attachment.fileName);
    if (attachment.content.byteLength === 0) continue;
    if (attachment.content.byteLength > MAX_ATTACHMENT_BYTES) {
      plan.refused.push(`${name} (${formatFileSize(attachment.content.byteLength)}, more than ${formatFileSize(MAX_ATTACHMENT_BYTES)})`);
    } else if (!sniffAttachmentType(attachment.content, attachment.contentType, name)) {
      plan.refused.push(`${name} (not a kind of file we accept)`);
    } else {
      plan.files.push({ name, claimedType: attachment.contentType, data: attachment.content });
    }
  }
  return plan;
}

/** The line a message gets for files the mail carried that were not kept, or "". */
export function refusedNote(refused: readonly string[]): string {
  return refused.length === 0 ? "" : `\n\n[Not attached from the mail: ${refused.join("; ")}.]`;
}

/** Stores the mail's acceptable files on the message it became, in the mail's transaction, as the sender. */
export async function attachFromMail(tx: Tx, sender: Actor, ticketId: string, messageId: string, files: readonly IncomingFile[]): Promise<void> {
  for (let start = 0; start < files.length; start += MAX_FILES_PER_UPLOAD) {
    await storeAttachments(inTransaction(tx), sender, ticketId, files.slice(start, start + MAX_FILES_PER_UPLOAD), messageId);
  }
}

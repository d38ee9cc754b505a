import type { DbOrTx } from "@/db/client";
import { ticketMessages } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { renderMarkdown } from "./markdown";

export type NewMessage = {
  ticketId: string;
  body: string;
  visibility: "public" | "internal";
  channel: "portal" | "desk" | "email";
  at: Date;
  emailMessageId?: string | null;
};

/**
 * Writes one message as the actor (staff or customer, from the actor's standing), rendered once
 * here: messages never change, and reading a long thread should not re-render it every time.
 */
export async function addMessage(tx: DbOrTx, actor: Pick<Actor, "userId" | "email" | "name" | "isStaff">, message: NewMessage) {
  const [row] = await tx
    .insert(ticketMessages)
    .values({
      ticketId: message.ticketId,
      authorId: actor.userId,
      authorEmail: actor.email,
      authorName: actor.name,
      authorKind: actor.isStaff ? "staff" : "customer",
      visibility: message.visibility,
      channel: message.channel,
      body: message.body,
      bodyHtml: renderMarkdown(message.body),
      emailMessageId: message.emailMessageId ?? null,
      createdAt: message.at,
    })
    .returning({ id: ticketMessages.id, createdAt: ticketMessages.createdAt });
  return row!;
}

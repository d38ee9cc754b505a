import { Badge } from "@/components/ui/badge";
import { AttachmentList, type AttachmentSummary } from "./attachment-list";
import { MessageBody } from "./message-body";
import { agoWords } from "./portal-ticket-words";

type Message = { id: string; authorName: string; authorKind: "customer" | "staff" | "system"; bodyHtml: string; createdAt: Date };

/**
 * The conversation as the customer sees it: who wrote each message (our support team, or them and
 * their colleagues), when, the message rendered safely, and its files.
 */
export function PortalThread({ messages, attachments, myName, now }: { messages: readonly Message[]; attachments: readonly (AttachmentSummary & { messageId: string | null })[]; myName: string; now: Date }) {
  return (
    <ol aria-label="Conversation" className="space-y-4">
      {messages.map((m) => {
        const fromUs = m.authorKind !== "customer";
        const mine = !fromUs && m.authorName === myName;
        const who = mine ? "You" : m.authorKind === "system" ? "Hostdesk" : m.authorName;
        return (
          <li key={m.id}>
            <article aria-label={`Message from ${who}`} className={fromUs ? "rounded-lg border border-brand-100 bg-brand-50/40 p-4" : "rounded-lg border border-slate-200 bg-white p-4"}>
              <header className="mb-2 flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium text-slate-900">{who}</span>
                {fromUs ? <Badge tone="info">Hostdesk support</Badge> : !mine && <Badge>Your team</Badge>}
                <time dateTime={m.createdAt.toISOString()} title={m.createdAt.toISOString()} className="text-xs text-slate-500">
                  {agoWords(m.createdAt, now)}
                </time>
              </header>
              <MessageBody html={m.bodyHtml} />
              <AttachmentList attachments={attachments.filter((a) => a.messageId === m.id)} label={`Files from ${who}`} />
            </article>
          </li>
        );
      })}
    </ol>
  );
}

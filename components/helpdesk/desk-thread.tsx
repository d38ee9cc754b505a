import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { AttachmentList, type AttachmentSummary } from "./attachment-list";
import { MessageBody } from "./message-body";
import { agoWords } from "./portal-ticket-words";

type Message = {
  id: string;
  authorName: string;
  authorKind: "customer" | "staff" | "system";
  visibility: "public" | "internal";
  channel: "portal" | "desk" | "email";
  bodyHtml: string;
  createdAt: Date;
};

const channelWords = { portal: "via the portal", desk: "", email: "by e-mail" } as const;

/**
 * The whole conversation as staff see it. Internal notes are unmistakable (yellow, labelled), so
 * nobody mistakes what the customer has read for what only the desk has.
 */
export function DeskThread({ messages, attachments, now }: { messages: readonly Message[]; attachments: readonly (AttachmentSummary & { messageId: string | null })[]; now: Date }) {
  const loose = attachments.filter((a) => a.messageId === null);
  return (
    <div className="space-y-3">
      <ol aria-label="Conversation" className="space-y-3">
        {messages.map((m) => {
          const internal = m.visibility === "internal";
          const kind = internal ? "Internal note" : m.authorKind === "customer" ? "Message" : "Public reply";
          return (
            <li key={m.id}>
              <article
                aria-label={`${kind} from ${m.authorName}`}
                className={cn(
                  "rounded-lg border p-4",
                  internal ? "border-yellow-300 bg-yellow-50" : m.authorKind === "customer" ? "border-slate-200 bg-white" : "border-brand-100 bg-brand-50/40",
                )}
              >
                <header className="mb-2 flex flex-wrap items-center gap-2 text-sm">
                  {internal && <span className="rounded bg-yellow-200 px-1.5 py-0.5 text-xs font-semibold text-yellow-900">Internal note</span>}
                  <span className="font-medium text-slate-900">{m.authorName}</span>
                  <Badge tone={m.authorKind === "customer" ? "neutral" : "info"}>{m.authorKind === "customer" ? "Customer" : m.authorKind === "staff" ? "Staff" : "System"}</Badge>
                  {channelWords[m.channel] && <span className="text-xs text-slate-500">{channelWords[m.channel]}</span>}
                  <time dateTime={m.createdAt.toISOString()} title={m.createdAt.toISOString()} className="text-xs text-slate-500">
                    {agoWords(m.createdAt, now)}
                  </time>
                </header>
                <MessageBody html={m.bodyHtml} />
                <AttachmentList attachments={attachments.filter((a) => a.messageId === m.id)} label={`Files from ${m.authorName}`} />
              </article>
            </li>
          );
        })}
      </ol>
      {loose.length > 0 && <AttachmentList attachments={loose} label="Files not attached to a message" />}
    </div>
  );
}

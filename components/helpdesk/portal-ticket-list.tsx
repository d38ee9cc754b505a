import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { TicketPriority } from "@/server/contracts/terms";
import type { TicketStatus } from "@/server/helpdesk/statuses";
import { agoWords, customerStatusTone, customerStatusWords, priorityWords } from "./portal-ticket-words";

export type PortalTicketRow = { id: string; number: number; subject: string; status: TicketStatus; priority: TicketPriority; updatedAt: string };

/** Tickets as a calm list: subject, where it stands in plain words, and when it last moved. */
export function PortalTicketList({ rows, label, now }: { rows: readonly PortalTicketRow[]; label: string; now: Date }) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-100">
      {rows.map((t) => (
        <li key={t.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3">
          <div className="min-w-0">
            <Link href={`/portal/tickets/${t.id}`} className="font-medium text-brand-700 hover:underline">
              {t.subject}
            </Link>
            <p className="text-xs text-slate-500">
              #{t.number} · {priorityWords[t.priority].label} priority · updated{" "}
              <time dateTime={t.updatedAt} title={t.updatedAt}>
                {agoWords(t.updatedAt, now)}
              </time>
            </p>
          </div>
          <Badge tone={customerStatusTone[t.status]}>{customerStatusWords[t.status]}</Badge>
        </li>
      ))}
    </ul>
  );
}

import type { listQuarantine } from "@/server/mail/quarantine";
import { formatTime } from "./format";
import { QuarantineActions } from "./mail-actions";

type HeldMail = Awaited<ReturnType<typeof listQuarantine>>[number];

/** Mail nobody may act on yet: who sent it, why it is held, what it says, and what staff can do. */
export function QuarantineList({ rows }: { rows: HeldMail[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">Nothing is held.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {rows.map((row) => (
        <li key={row.id} className="space-y-2 py-3" aria-label={`Held mail: ${row.subject}`}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <p className="text-sm font-medium text-slate-900">{row.subject}</p>
            <p className="text-xs text-slate-500">{formatTime(row.receivedAt)}</p>
          </div>
          <p className="text-sm text-slate-700">From {row.fromAddress}</p>
          <p className="text-sm text-amber-800">{row.reason}</p>
          <details>
            <summary className="cursor-pointer text-sm text-slate-600">Read the mail</summary>
            <pre className="mt-2 max-w-3xl whitespace-pre-wrap rounded bg-slate-50 p-2 font-sans text-xs text-slate-700">{row.body}</pre>
          </details>
          <QuarantineActions quarantineId={row.id} subject={row.subject} />
        </li>
      ))}
    </ul>
  );
}

/** What became of held and automatic mail lately. */
export function ResolvedList({ rows }: { rows: HeldMail[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">Nothing yet.</p>;
  return (
    <ul className="space-y-1 text-sm">
      {rows.map((row) => (
        <li key={row.id}>
          <span className="text-slate-500">{formatTime(row.resolvedAt)}</span> <span className="font-medium">{row.subject}</span>{" "}
          <span className="text-slate-600">from {row.fromAddress}:</span>{" "}
          {row.releasedTicketNumber !== null ? `released as ticket #${row.releasedTicketNumber}` : row.reason.startsWith("Not answered") ? row.reason : "dropped"}
        </li>
      ))}
    </ul>
  );
}

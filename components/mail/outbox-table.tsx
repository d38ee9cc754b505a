import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { listOutbox } from "@/server/mail/outbox";
import { formatTime } from "./format";
import { RetryMailButton } from "./mail-actions";

type OutboxRow = Awaited<ReturnType<typeof listOutbox>>["rows"][number];

const stateTone = { sent: "good", pending: "warn", failed: "bad" } as const;
const filters = [
  { value: "all", label: "All" },
  { value: "pending", label: "Pending" },
  { value: "sent", label: "Sent" },
  { value: "failed", label: "Failed" },
] as const;

export function OutboxFilter({ current }: { current: string }) {
  return (
    <nav aria-label="Outbox filter" className="flex gap-1 text-sm">
      {filters.map((f) => (
        <Link
          key={f.value}
          href={f.value === "all" ? "/desk/mail" : `/desk/mail?outbox=${f.value}`}
          aria-current={current === f.value ? "page" : undefined}
          className={current === f.value ? "rounded bg-slate-800 px-2 py-0.5 text-white" : "rounded px-2 py-0.5 text-slate-700 hover:bg-slate-100"}
        >
          {f.label}
        </Link>
      ))}
    </nav>
  );
}

/** The latest mail Hostdesk wrote; each body opens in place. */
export function OutboxTable({ rows }: { rows: OutboxRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No mail here.</p>;
  return (
    <Table caption="Outbox">
      <thead>
        <tr>
          <Th>Written</Th>
          <Th>To</Th>
          <Th>Mail</Th>
          <Th>State</Th>
          <Th>Attempts</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <Td className="whitespace-nowrap text-slate-600">{formatTime(row.createdAt)}</Td>
            <Td>{row.toAddress}</Td>
            <Td>
              <details>
                <summary className="cursor-pointer">
                  {row.ticketNumber !== null && <span className="text-slate-500">#{row.ticketNumber} · </span>}
                  {row.subject}
                </summary>
                <pre className="mt-2 max-w-2xl whitespace-pre-wrap rounded bg-slate-50 p-2 font-sans text-xs text-slate-700">{row.body}</pre>
                <p className="mt-1 text-xs text-slate-500">Message-ID {row.messageIdHeader}</p>
              </details>
            </Td>
            <Td>
              <Badge tone={stateTone[row.state]}>{row.state === "sent" ? `Sent ${formatTime(row.sentAt)}` : row.state === "failed" ? "Failed" : "Pending"}</Badge>
              {row.lastError && <p className="mt-1 max-w-xs text-xs text-red-700">{row.lastError}</p>}
            </Td>
            <Td>
              {row.attempts}
              {row.state === "failed" && (
                <div className="mt-1">
                  <RetryMailButton mailId={row.id} to={row.toAddress} />
                </div>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

import { Card } from "@/components/ui/card";
import { historyWords, type HistoryEvent } from "./desk-history-words";

/** Replies and notes are in the thread already; the history keeps them only when they moved the status. */
const worthListing = (event: HistoryEvent) =>
  !((event.action === "ticket.reply" || event.action === "ticket.note") && !(event.after && typeof event.after === "object" && "status" in event.after));

/** What happened to the ticket, oldest first, in words: who changed what from what. */
export function DeskHistory({ history, people }: { history: readonly HistoryEvent[]; people: readonly { id: string; name: string; email: string }[] }) {
  const byId = new Map(people.map((p) => [p.id, p.name]));
  const byEmail = new Map(people.map((p) => [p.email, p.name]));
  const events = history.filter(worthListing);
  return (
    <Card title="History">
      {events.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing has changed yet.</p>
      ) : (
        <ol aria-label="History" className="space-y-1.5 text-sm">
          {events.map((event, i) => (
            <li key={i} className="flex flex-wrap gap-x-2">
              <time dateTime={event.at.toISOString()} className="tabular-nums text-xs text-slate-500">
                {event.at.toISOString().slice(0, 16).replace("T", " ")} UTC
              </time>
              <span>
                <span className="font-medium">{byEmail.get(event.actor) ?? event.actor.replace(/^system:/, "")}</span> {historyWords(event, (id) => byId.get(id)).join("; ")}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

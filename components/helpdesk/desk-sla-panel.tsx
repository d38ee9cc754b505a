import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { DeadlineKind, DeadlineRowState } from "@/server/helpdesk/sla-deadlines";
import { shortDuration } from "./desk-words";
import { dueWords as atWords } from "./portal-ticket-words";

type Deadlines = {
  source: string;
  timeZone: string;
  aroundTheClock: boolean;
  paused: boolean;
  rows: readonly { kind: DeadlineKind; targetMinutes: number; dueAt: Date | null; minutesLeft: number | null; state: DeadlineRowState }[];
};

const kindWords: Record<DeadlineKind, string> = { first_response: "First response", next_reply: "Next reply", resolution: "Resolution" };
const stateClass: Record<DeadlineRowState, string> = {
  breached: "border-red-200 bg-red-50 text-red-800",
  due_soon: "border-amber-200 bg-amber-50 text-amber-900",
  on_track: "border-slate-200 bg-white text-slate-800",
  paused: "border-slate-200 bg-slate-50 text-slate-500",
  met: "border-emerald-200 bg-emerald-50 text-emerald-800",
  missed: "border-red-200 bg-red-50 text-red-800",
  not_due: "border-slate-200 bg-white text-slate-500",
};
const stateWords: Record<DeadlineRowState, string> = {
  breached: "Breached",
  due_soon: "Due soon",
  on_track: "On track",
  paused: "Paused",
  met: "Met",
  missed: "Missed",
  not_due: "Not running",
};

/** Each SLA deadline: where it comes from, when it falls, and the business time left, coloured by state. */
export function DeskSlaPanel({ deadlines, now }: { deadlines: Deadlines; now: Date }) {
  const time = deadlines.aroundTheClock ? "" : " of support time";
  return (
    <Card title="Service level">
      <p className="mb-3 text-xs text-slate-600" data-testid="sla-source">
        From the {deadlines.source}, counted {deadlines.aroundTheClock ? "around the clock" : "in support hours"} ({deadlines.timeZone}).
        {deadlines.paused && " The clock is paused while the ticket waits."}
      </p>
      <ul className="space-y-2">
        {deadlines.rows.map((row) => (
          <li key={row.kind} className={cn("rounded-md border px-3 py-2 text-sm", stateClass[row.state])}>
            <div className="flex items-baseline justify-between gap-2">
              <span className="font-medium">{kindWords[row.kind]}</span>
              <span className="text-xs font-semibold uppercase tracking-wide">{stateWords[row.state]}</span>
            </div>
            <p className="text-xs">
              Target {shortDuration(row.targetMinutes)}
              {row.dueAt && (
                <>
                  {" · due "}
                  <time dateTime={row.dueAt.toISOString()}>{atWords(row.dueAt, now, deadlines.timeZone)}</time>
                </>
              )}
            </p>
            {row.minutesLeft !== null && (
              <p className="text-xs">{row.minutesLeft > 0 ? `${shortDuration(row.minutesLeft)}${time} left` : `${shortDuration(row.minutesLeft)}${time} over`}</p>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

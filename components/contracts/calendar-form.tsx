"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { TextField } from "@/components/ui/field";
import type { Weekday } from "@/server/calendars/types";
import { calendarFromForm, dayRowsOf, weekRows, type DayRow } from "./calendar-form-values";
import type { NamedCalendar } from "./terms-view";

const commonZones = ["Europe/Berlin", "Europe/Vienna", "Europe/Zurich", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Singapore", "UTC"];

/** Create a calendar, or edit one when `calendar` is given: hours per weekday in its time zone, and holidays. */
export function CalendarForm({ calendar, onDone }: { calendar?: NamedCalendar; onDone?: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [rows, setRows] = useState<Record<Weekday, DayRow>>(() => dayRowsOf(calendar?.frames ?? weekRows.slice(0, 5).map(({ weekday }) => ({ weekday, startMinute: 480, endMinute: 1080 }))));
  const [problem, setProblem] = useState<string | null>(null);
  const done = () => {
    router.refresh();
    onDone?.();
  };
  const create = useMutation(trpc.sla.createCalendar.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.sla.updateCalendar.mutationOptions({ onSuccess: done }));
  const label = calendar ? `Edit ${calendar.name}` : "New calendar";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = calendarFromForm(rows, String(form.get("timeZone") ?? ""), String(form.get("holidays") ?? ""));
    if ("problem" in parsed) return setProblem(parsed.problem);
    setProblem(null);
    const values = { name: String(form.get("name") ?? ""), ...parsed.calendar };
    if (calendar) update.mutate({ calendarId: calendar.id, ...values });
    else create.mutate(values);
  }

  const setRow = (weekday: Weekday, change: Partial<DayRow>) => setRows((current) => ({ ...current, [weekday]: { ...current[weekday], ...change } }));
  return (
    <form aria-label={label} onSubmit={onSubmit} className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Name" name="name" required defaultValue={calendar?.name} placeholder="Office hours Vienna" />
        <TextField label="Time zone" name="timeZone" required defaultValue={calendar?.timeZone ?? "Europe/Berlin"} list="calendar-zones" hint="An IANA zone; the hours below are local time there." />
        <datalist id="calendar-zones">
          {commonZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </div>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">Hours</legend>
        <div className="grid gap-2">
          {weekRows.map(({ weekday, label: day }) => (
            <div key={weekday} className="flex flex-wrap items-center gap-3 text-sm">
              <label className="flex w-32 items-center gap-2">
                <input type="checkbox" checked={rows[weekday].open} onChange={(e) => setRow(weekday, { open: e.target.checked })} />
                {day}
              </label>
              <input
                aria-label={`${day} from`}
                className="w-20 rounded-md border border-slate-300 px-2 py-1 tabular-nums disabled:bg-slate-50 disabled:text-slate-400"
                value={rows[weekday].from}
                disabled={!rows[weekday].open}
                onChange={(e) => setRow(weekday, { from: e.target.value })}
              />
              <span aria-hidden="true">to</span>
              <input
                aria-label={`${day} to`}
                className="w-20 rounded-md border border-slate-300 px-2 py-1 tabular-nums disabled:bg-slate-50 disabled:text-slate-400"
                value={rows[weekday].to}
                disabled={!rows[weekday].open}
                onChange={(e) => setRow(weekday, { to: e.target.value })}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="calendar-holidays" className="mb-1 block text-sm font-medium text-slate-700">
          Public holidays
        </label>
        <textarea
          id="calendar-holidays"
          name="holidays"
          rows={3}
          defaultValue={calendar?.holidays.join("\n")}
          placeholder={"2027-01-01\n2027-12-25"}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
        />
        <p className="mt-1 text-xs text-slate-500">One date per line (YYYY-MM-DD). No hours count on these days.</p>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      )}
      <ErrorNote error={create.error ?? update.error} />
      <Button type="submit" disabled={create.isPending || update.isPending}>
        {calendar ? "Save calendar" : "Create calendar"}
      </Button>
    </form>
  );
}

"use client";

import type { Weekday } from "@/server/calendars/types";
import { formatWeeklyHours } from "@/server/sla/format-weekly-hours";
import { CompactField, CompactSelect, FieldGroup } from "./compact-field";
import { DEFAULT_WEEKLY, WEEK_ORDER, WEEKDAY_NAMES, type HoursDraft } from "./scenario-draft";

/**
 * Weekly hours: 24×7, or a weekday range with the same hours each day ("Mon–Fri 8–18"). Frames that
 * came in another shape (a shared link, a stored proposal) are kept and shown until replaced.
 */
export function HoursField({ legend, value, onChange, error }: { legend: string; value: HoursDraft; onChange: (next: HoursDraft) => void; error?: string }) {
  const weekly = value.mode === "weekly" ? value : null;
  const setMode = (mode: string) => onChange(mode === "24x7" ? { mode: "24x7" } : mode === "weekly" ? DEFAULT_WEEKLY : value);
  return (
    <FieldGroup legend={legend} error={error} className="p-2">
      <div className="grid grid-cols-2 gap-2">
        <CompactSelect label="Hours" value={value.mode} onChange={(e) => setMode(e.target.value)} className="col-span-2">
          <option value="24x7">24×7, every hour</option>
          <option value="weekly">Weekdays with set hours</option>
          {value.mode === "custom" && <option value="custom">As given: {formatWeeklyHours(value.frames, "en")}</option>}
        </CompactSelect>
        {weekly && (
          <>
            <CompactSelect label="From day" value={weekly.fromDay} onChange={(e) => onChange({ ...weekly, fromDay: Number(e.target.value) as Weekday })}>
              {WEEK_ORDER.map((day) => (
                <option key={day} value={day}>
                  {WEEKDAY_NAMES[day]}
                </option>
              ))}
            </CompactSelect>
            <CompactSelect label="To day" value={weekly.toDay} onChange={(e) => onChange({ ...weekly, toDay: Number(e.target.value) as Weekday })}>
              {WEEK_ORDER.map((day) => (
                <option key={day} value={day}>
                  {WEEKDAY_NAMES[day]}
                </option>
              ))}
            </CompactSelect>
            <CompactField label="From" unit="h" inputMode="decimal" value={weekly.fromHour} onChange={(e) => onChange({ ...weekly, fromHour: e.target.value })} />
            <CompactField label="To" unit="h" inputMode="decimal" value={weekly.toHour} onChange={(e) => onChange({ ...weekly, toHour: e.target.value })} />
          </>
        )}
      </div>
    </FieldGroup>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import type { WeeklyFrame } from "@/server/calendars/types";
import type { ScenarioInput } from "@/server/sla/schemas";
import { CompactField, CompactSelect } from "./compact-field";
import { calendarMatching } from "./offer-defaults";

export type CalendarOption = { id: string; name: string; frames: WeeklyFrame[] };

/**
 * Turns the scenario into a proposal for one customer, offering one of its tiers with the calendars
 * that say when support works and when downtime counts. The server derives the contract terms.
 */
export function SaveProposalForm({
  scenario,
  scenarioIsCurrent,
  bestValue,
  customers,
  calendars,
  defaultStartsOn,
}: {
  /** The last valid scenario: what is saved. */
  scenario: ScenarioInput;
  /** False while the form above has errors, so the saved scenario would not be what is on screen. */
  scenarioIsCurrent: boolean;
  bestValue: string;
  customers: { id: string; name: string }[];
  calendars: CalendarOption[];
  defaultStartsOn: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const noteId = useId();
  const [orgId, setOrgId] = useState("");
  const [title, setTitle] = useState("");
  const [chosenTier, setChosenTier] = useState("");
  const [chosenSupportCalendar, setChosenSupportCalendar] = useState("");
  const [serviceCalendarId, setServiceCalendarId] = useState("");
  const [startsOn, setStartsOn] = useState(defaultStartsOn);
  const [endsOn, setEndsOn] = useState("");
  const [note, setNote] = useState("");
  const create = useMutation(trpc.sla.createProposal.mutationOptions({ onSuccess: (created) => router.push(`/accounts/proposals/${created.proposalId}`) }));

  // A tier renamed or removed above falls back to the best value rather than to a name that is gone.
  const tierName = scenario.tiers.some((t) => t.name === chosenTier) ? chosenTier : bestValue;
  const tier = scenario.tiers.find((t) => t.name === tierName);
  const matched = tier ? calendarMatching(tier.support, calendars) : null;
  const supportCalendarId = chosenSupportCalendar || matched || calendars[0]?.id || "";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({
      orgId,
      title,
      scenario,
      offer: { tierName, supportCalendarId, serviceCalendarId: serviceCalendarId || null, startsOn, endsOn: endsOn || null },
      note,
    });
  }

  return (
    <form aria-label="Save as proposal" onSubmit={onSubmit} className="space-y-3">
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <CompactSelect label="Customer" required value={orgId} onChange={(e) => setOrgId(e.target.value)}>
          <option value="">Choose a customer…</option>
          {customers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </CompactSelect>
        <CompactField label="Title" required minLength={3} maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="SLA 2027" />
        <CompactSelect label="Tier to offer" value={tierName} onChange={(e) => setChosenTier(e.target.value)}>
          {scenario.tiers.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
              {t.name === bestValue ? " (best value)" : ""}
            </option>
          ))}
        </CompactSelect>
        <CompactSelect
          label="Support calendar"
          value={supportCalendarId}
          onChange={(e) => setChosenSupportCalendar(e.target.value)}
          hint={!chosenSupportCalendar && matched ? "Matches the tier's support hours" : !chosenSupportCalendar ? "No calendar has the tier's support hours; pick the nearest" : undefined}
        >
          {calendars.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </CompactSelect>
        <CompactSelect label="Service calendar" value={serviceCalendarId} onChange={(e) => setServiceCalendarId(e.target.value)} hint="When downtime counts">
          <option value="">24×7: every hour counts</option>
          {calendars.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </CompactSelect>
        <div className="grid grid-cols-2 gap-2">
          <CompactField label="Starts on" type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
          <CompactField label="Ends on" type="date" value={endsOn} min={startsOn} onChange={(e) => setEndsOn(e.target.value)} hint="Empty: open-ended" />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={noteId} className="block text-xs font-medium text-slate-700">
            Note <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <textarea
            id={noteId}
            value={note}
            maxLength={2000}
            rows={2}
            onChange={(e) => setNote(e.target.value)}
            className="mt-0.5 block w-full rounded border border-slate-300 px-2 py-1 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
          />
        </div>
      </div>
      {!scenarioIsCurrent && <p className="text-sm text-amber-800">Fix the scenario&apos;s inputs first: the proposal would otherwise save the last valid scenario, not what is on screen.</p>}
      {calendars.length === 0 && <p className="text-sm text-amber-800">There are no calendars yet. Create one under Calendars first.</p>}
      <ErrorNote error={create.error} />
      <Button type="submit" disabled={create.isPending || !scenarioIsCurrent || calendars.length === 0}>
        {create.isPending ? "Saving…" : "Save proposal"}
      </Button>
    </form>
  );
}

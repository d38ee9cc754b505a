"use client";

import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { calculateScenario, type ScenarioResult } from "@/server/sla/scenario";
import type { ScenarioInput } from "@/server/sla/schemas";
import { ChainAvailabilityPanel } from "./chain-availability-panel";
import { CoverageResults, CostResults, CreditResults, Headline, MonthSpreadResults, OutageResults, PrintedAssumptions, TermsResults, TierResults, WindowResults } from "./results";
import { SaveProposalForm, type CalendarOption } from "./save-proposal-form";
import { checkDraft, draftFromInput, type FieldErrors, type ScenarioDraft } from "./scenario-draft";
import { ScenarioForm } from "./scenario-form";
import { CopyLinkButton } from "./share-link";
import { encodeScenario, SCENARIO_PARAM } from "./scenario-url";

type State = {
  draft: ScenarioDraft;
  errors: FieldErrors | null;
  /** The last scenario that passed the schema, and its result: what the page shows while the draft has errors. */
  scenario: ScenarioInput;
  result: ScenarioResult;
};

const URL_DELAY_MS = 400;

function linkFor(scenario: ScenarioInput): string {
  const url = new URL(window.location.href);
  url.searchParams.set(SCENARIO_PARAM, encodeScenario(scenario));
  return url.toString();
}

/**
 * The SLA calculator: the scenario on the left, everything it means on the right, recomputed in the
 * browser on every keystroke (the math is pure and takes well under a millisecond). The URL follows
 * the last valid scenario, so the address bar is always a link to what is on screen.
 */
export function Calculator({
  initial,
  notice,
  canPropose,
  customers,
  calendars,
  defaultStartsOn,
}: {
  initial: ScenarioInput;
  notice: string | null;
  canPropose: boolean;
  customers: { id: string; name: string }[];
  calendars: CalendarOption[];
  defaultStartsOn: string;
}) {
  const [state, setState] = useState<State>(() => ({ draft: draftFromInput(initial), errors: null, scenario: initial, result: calculateScenario(initial) }));
  const { draft, errors, scenario, result } = state;

  const update = useCallback((change: (draft: ScenarioDraft) => ScenarioDraft) => {
    setState((previous) => {
      const next = change(previous.draft);
      const check = checkDraft(next);
      if (!check.input) return { ...previous, draft: next, errors: check.errors };
      return { draft: next, errors: null, scenario: check.input, result: calculateScenario(check.input) };
    });
  }, []);

  useEffect(() => {
    // Until the first edit the address is whatever was opened: a plain visit keeps a plain URL.
    if (scenario === initial) return;
    const timer = setTimeout(() => window.history.replaceState(null, "", linkFor(scenario)), URL_DELAY_MS);
    return () => clearTimeout(timer);
  }, [scenario, initial]);

  return (
    <>
      <PageHeader
        title="SLA calculator"
        description="Availability as hours of downtime, what downtime costs, and what each tier is worth."
        actions={
          <div className="flex flex-wrap items-center gap-2 print:hidden">
            <CopyLinkButton linkFor={() => linkFor(scenario)} />
            <Button variant="secondary" onClick={() => window.print()}>
              Print
            </Button>
          </div>
        }
      />
      {notice && (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 print:hidden">
          {notice}
        </p>
      )}

      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,32rem)_minmax(0,1fr)]">
        <section aria-labelledby="scenario-heading" className="print:hidden">
          <h2 id="scenario-heading" className="mb-2 text-base font-semibold text-slate-900">
            Scenario
          </h2>
          <ScenarioForm draft={draft} errors={errors} update={update} />
        </section>

        <section aria-labelledby="results-heading" className="min-w-0 space-y-4">
          <h2 id="results-heading" className="text-base font-semibold text-slate-900">
            Results
          </h2>
          {errors && (
            <p role="status" className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 print:hidden">
              These are the results of the last valid scenario. Fix the marked inputs to update them.
            </p>
          )}
          <Headline result={result} input={scenario} />
          <PrintedAssumptions result={result} input={scenario} />
          <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2">
            <WindowResults result={result} input={scenario} />
            <OutageResults result={result} input={scenario} />
          </div>
          <MonthSpreadResults result={result} input={scenario} />
          <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2">
            <CoverageResults result={result} input={scenario} />
            <CostResults result={result} input={scenario} />
          </div>
          <TierResults result={result} input={scenario} />
          <CreditResults result={result} input={scenario} />
          <TermsResults result={result} input={scenario} />
        </section>
      </div>

      <div className="mt-8 grid grid-cols-1 items-start gap-6 lg:grid-cols-2 print:hidden">
        <Card title="What the infrastructure can deliver">
          <p className="mb-3 text-sm text-slate-600">Pick a customer&apos;s VM or service to see the availability its dependency chain allows, and its weakest part.</p>
          <ChainAvailabilityPanel customers={customers} scenario={scenario} />
        </Card>
        {canPropose && (
          <Card title="Save as proposal">
            <SaveProposalForm
              scenario={scenario}
              scenarioIsCurrent={errors === null}
              bestValue={result.tiers.bestValue}
              customers={customers}
              calendars={calendars}
              defaultStartsOn={defaultStartsOn}
            />
          </Card>
        )}
      </div>
    </>
  );
}

"use client";

import { Button } from "@/components/ui/button";
import { locales } from "@/server/sla/locale";
import { fixedMonthConventions, measurementWindows, yearConventions } from "@/server/sla/windows";
import { CompactCheckbox, CompactField, CompactSelect, FieldGroup } from "./compact-field";
import { MONTH_KIND_LABELS, MONTH_NAMES, WINDOW_LABELS, YEAR_CONVENTION_LABELS } from "./format";
import { HoursField } from "./hours-field";
import { errorAt, errorWithin, labelOfKey, newKey, nextTier, type CreditDraft, type FieldErrors, type MonthKind, type ScenarioDraft, type TierDraft } from "./scenario-draft";

const MAX_TIERS = 4;
const MIN_TIERS = 2;
const MAX_CREDIT_TIERS = 6;
const LOCALE_LABELS = { en: "English", de: "Deutsch" } as const;

type Update = (change: (draft: ScenarioDraft) => ScenarioDraft) => void;

/**
 * Every input of the scenario, grouped as the page reads them. Numbers are typed as text and read
 * by checkDraft; a field shows its own problem, and the list on top names them all.
 */
export function ScenarioForm({ draft, errors, update }: { draft: ScenarioDraft; errors: FieldErrors | null; update: Update }) {
  const money = /^[A-Za-z]{3}$/.test(draft.currency.trim()) ? draft.currency.trim().toUpperCase() : "EUR";
  const set = <K extends "target" | "serviceHours" | "coverage" | "cost">(section: K, patch: Partial<ScenarioDraft[K]>) =>
    update((d) => ({ ...d, [section]: { ...d[section], ...patch } }));
  const setCredits = (patch: Partial<ScenarioDraft["credits"]>) => update((d) => ({ ...d, credits: { ...d.credits, ...patch } }));
  const setTier = (index: number, patch: Partial<TierDraft>) => update((d) => ({ ...d, tiers: d.tiers.map((t, i) => (i === index ? { ...t, ...patch } : t)) }));
  const setCreditTier = (index: number, patch: Partial<CreditDraft>) =>
    update((d) => ({ ...d, credits: { ...d.credits, tiers: d.credits.tiers.map((t, i) => (i === index ? { ...t, ...patch } : t)) } }));
  const { target, serviceHours, coverage, cost, credits } = draft;
  const problems = errors ? Object.entries(errors) : [];

  return (
    <form aria-label="Scenario" onSubmit={(e) => e.preventDefault()} className="space-y-3" noValidate>
      {problems.length > 0 && (
        <div className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800" role="alert">
          <p className="font-medium">
            {problems.length === 1 ? "One input needs" : `${problems.length} inputs need`} attention; the results show the last valid scenario.
          </p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs">
            {problems.map(([key, message]) => (
              <li key={key}>
                {labelOfKey(key, draft)}: {message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <FieldGroup legend="Target">
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          <CompactField
            label="Availability"
            unit="%"
            inputMode="decimal"
            value={target.availability}
            onChange={(e) => set("target", { availability: e.target.value })}
            error={errorAt(errors, "target.availability")}
          />
          <CompactSelect label="Measurement window" value={target.window} onChange={(e) => set("target", { window: e.target.value as ScenarioDraft["target"]["window"] })}>
            {measurementWindows.map((w) => (
              <option key={w} value={w}>
                {WINDOW_LABELS[w]}
              </option>
            ))}
          </CompactSelect>
          <CompactField
            label="Longest single outage"
            unit="min"
            inputMode="numeric"
            value={target.maxSingleOutageMinutes}
            onChange={(e) => set("target", { maxSingleOutageMinutes: e.target.value })}
            hint="Empty: no such clause"
            error={errorAt(errors, "target.maxSingleOutageMinutes")}
          />
          <CompactSelect
            label="Month convention"
            value={target.monthKind}
            onChange={(e) => set("target", { monthKind: e.target.value as MonthKind })}
            error={errorAt(errors, "target.monthConvention")}
          >
            {[...fixedMonthConventions, "calendar" as const].map((kind) => (
              <option key={kind} value={kind}>
                {MONTH_KIND_LABELS[kind]}
              </option>
            ))}
          </CompactSelect>
          {target.monthKind === "calendar" && (
            <>
              <CompactSelect label="Month" value={target.calendarMonth} onChange={(e) => set("target", { calendarMonth: e.target.value })} error={errorAt(errors, "target.monthConvention.month")}>
                {MONTH_NAMES.map((name, i) => (
                  <option key={name} value={String(i + 1)}>
                    {name}
                  </option>
                ))}
              </CompactSelect>
              <CompactField
                label="Year"
                inputMode="numeric"
                value={target.calendarYear}
                onChange={(e) => set("target", { calendarYear: e.target.value })}
                error={errorAt(errors, "target.monthConvention.year")}
              />
            </>
          )}
          <CompactSelect label="Year convention" value={target.yearConvention} onChange={(e) => set("target", { yearConvention: e.target.value as ScenarioDraft["target"]["yearConvention"] })}>
            {yearConventions.map((y) => (
              <option key={y} value={y}>
                {YEAR_CONVENTION_LABELS[y]}
              </option>
            ))}
          </CompactSelect>
          <CompactSelect label="Contract language" value={draft.locale} onChange={(e) => update((d) => ({ ...d, locale: e.target.value as ScenarioDraft["locale"] }))}>
            {locales.map((l) => (
              <option key={l} value={l}>
                {LOCALE_LABELS[l]}
              </option>
            ))}
          </CompactSelect>
          <CompactField
            label="Currency"
            maxLength={3}
            value={draft.currency}
            onChange={(e) => update((d) => ({ ...d, currency: e.target.value }))}
            error={errorAt(errors, "currency")}
          />
        </div>
      </FieldGroup>

      <FieldGroup legend="Service hours (when downtime counts)">
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-[minmax(0,1fr)_8rem]">
          <HoursField legend="Counted hours" value={serviceHours.hours} onChange={(hours) => set("serviceHours", { hours })} error={errorWithin(errors, "serviceHours.hours")} />
          <CompactField
            label="Holidays"
            unit="per year"
            inputMode="numeric"
            value={serviceHours.holidaysPerYear}
            onChange={(e) => set("serviceHours", { holidaysPerYear: e.target.value })}
            error={errorAt(errors, "serviceHours.holidaysPerYear")}
          />
        </div>
      </FieldGroup>

      <FieldGroup legend="Coverage">
        <div className="grid grid-cols-1 gap-2">
          <HoursField legend="Support hours" value={coverage.support} onChange={(support) => set("coverage", { support })} error={errorWithin(errors, "coverage.support")} />
          <CompactCheckbox label="No support on public holidays" checked={coverage.supportExceptHolidays} onChange={(e) => set("coverage", { supportExceptHolidays: e.target.checked })} />
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
            <CompactField label="Response" unit="min" inputMode="numeric" value={coverage.responseMinutes} onChange={(e) => set("coverage", { responseMinutes: e.target.value })} error={errorAt(errors, "coverage.responseMinutes")} />
            <CompactField
              label="On-call response"
              unit="min"
              inputMode="numeric"
              value={coverage.onCallResponseMinutes}
              onChange={(e) => set("coverage", { onCallResponseMinutes: e.target.value })}
              hint="Empty: nobody on call"
              error={errorAt(errors, "coverage.onCallResponseMinutes")}
            />
            <CompactField label="Time to detect" unit="min" inputMode="numeric" value={coverage.detectMinutes} onChange={(e) => set("coverage", { detectMinutes: e.target.value })} error={errorAt(errors, "coverage.detectMinutes")} />
            <CompactField label="Time to repair" unit="min" inputMode="numeric" value={coverage.repairMinutes} onChange={(e) => set("coverage", { repairMinutes: e.target.value })} error={errorAt(errors, "coverage.repairMinutes")} />
            <CompactField label="Failures" unit="per year" inputMode="decimal" value={coverage.failuresPerYear} onChange={(e) => set("coverage", { failuresPerYear: e.target.value })} error={errorAt(errors, "coverage.failuresPerYear")} />
            <CompactField
              label="Failover"
              unit="min"
              inputMode="numeric"
              value={coverage.failoverMinutes}
              onChange={(e) => set("coverage", { failoverMinutes: e.target.value })}
              hint="Empty: no standby"
              error={errorAt(errors, "coverage.failoverMinutes")}
            />
          </div>
        </div>
      </FieldGroup>

      <FieldGroup legend="Cost of downtime">
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          <CompactField label="Revenue per hour" unit={money} inputMode="numeric" value={cost.revenuePerHour} onChange={(e) => set("cost", { revenuePerHour: e.target.value })} error={errorAt(errors, "cost.revenuePerHour")} />
          <CompactField label="Revenue lost" unit="%" inputMode="decimal" value={cost.revenueImpactShare} onChange={(e) => set("cost", { revenueImpactShare: e.target.value })} error={errorAt(errors, "cost.revenueImpactShare")} />
          <CompactField label="Recovery per incident" unit={money} inputMode="numeric" value={cost.recoveryCostPerIncident} onChange={(e) => set("cost", { recoveryCostPerIncident: e.target.value })} error={errorAt(errors, "cost.recoveryCostPerIncident")} />
          <CompactField label="Affected staff" unit="people" inputMode="numeric" value={cost.affectedStaff} onChange={(e) => set("cost", { affectedStaff: e.target.value })} error={errorAt(errors, "cost.affectedStaff")} />
          <CompactField label="Cost per staff hour" unit={money} inputMode="numeric" value={cost.loadedHourlyCost} onChange={(e) => set("cost", { loadedHourlyCost: e.target.value })} error={errorAt(errors, "cost.loadedHourlyCost")} />
          <CompactField label="Work lost" unit="%" inputMode="decimal" value={cost.productivityLossShare} onChange={(e) => set("cost", { productivityLossShare: e.target.value })} error={errorAt(errors, "cost.productivityLossShare")} />
          <CompactField
            className="col-span-2 sm:col-span-3"
            label="Hourly weights"
            unit="24 values, 00–23"
            value={cost.hourlyWeights}
            onChange={(e) => set("cost", { hourlyWeights: e.target.value })}
            hint="How much an outage at each hour costs, 1 = a working hour. Empty: every hour alike."
            error={errorAt(errors, "cost.hourlyWeights")}
          />
        </div>
      </FieldGroup>

      <FieldGroup
        legend={`Tiers to compare (${draft.tiers.length} of ${MAX_TIERS})`}
        error={errorAt(errors, "tiers")}
        actions={
          <Button size="sm" variant="secondary" disabled={draft.tiers.length >= MAX_TIERS} onClick={() => update((d) => ({ ...d, tiers: [...d.tiers, nextTier(d.tiers)] }))}>
            Add tier
          </Button>
        }
      >
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {draft.tiers.map((tier, i) => (
            <FieldGroup key={tier.key} legend={`Tier ${i + 1}`} className="bg-slate-50 p-2">
              <div className="grid grid-cols-2 gap-2">
                <CompactField label="Name" value={tier.name} onChange={(e) => setTier(i, { name: e.target.value })} error={errorAt(errors, `tiers.${i}.name`)} />
                <CompactField label="Availability" unit="%" inputMode="decimal" value={tier.availability} onChange={(e) => setTier(i, { availability: e.target.value })} error={errorAt(errors, `tiers.${i}.availability`)} />
                <div className="col-span-2">
                  <HoursField legend="Support hours" value={tier.support} onChange={(support) => setTier(i, { support })} error={errorWithin(errors, `tiers.${i}.support`)} />
                </div>
                <CompactField label="Response" unit="min" inputMode="numeric" value={tier.responseMinutes} onChange={(e) => setTier(i, { responseMinutes: e.target.value })} error={errorAt(errors, `tiers.${i}.responseMinutes`)} />
                <CompactField
                  label="On-call"
                  unit="min"
                  inputMode="numeric"
                  value={tier.onCallResponseMinutes}
                  onChange={(e) => setTier(i, { onCallResponseMinutes: e.target.value })}
                  hint="Empty: none"
                  error={errorAt(errors, `tiers.${i}.onCallResponseMinutes`)}
                />
                <CompactField
                  label="Failover"
                  unit="min"
                  inputMode="numeric"
                  value={tier.failoverMinutes}
                  onChange={(e) => setTier(i, { failoverMinutes: e.target.value })}
                  hint="Empty: none"
                  error={errorAt(errors, `tiers.${i}.failoverMinutes`)}
                />
                <CompactField label="Monthly price" unit={money} inputMode="numeric" value={tier.monthlyPrice} onChange={(e) => setTier(i, { monthlyPrice: e.target.value })} error={errorAt(errors, `tiers.${i}.monthlyPrice`)} />
              </div>
              <Button
                size="sm"
                variant="ghost"
                className="mt-2"
                disabled={draft.tiers.length <= MIN_TIERS}
                aria-label={`Remove tier ${i + 1}${tier.name.trim() ? ` (${tier.name.trim()})` : ""}`}
                onClick={() => update((d) => ({ ...d, tiers: d.tiers.filter((_, j) => j !== i) }))}
              >
                Remove
              </Button>
            </FieldGroup>
          ))}
        </div>
      </FieldGroup>

      <FieldGroup
        legend="Service credits"
        error={errorAt(errors, "credits.tiers")}
        actions={
          <Button
            size="sm"
            variant="secondary"
            disabled={credits.tiers.length >= MAX_CREDIT_TIERS}
            onClick={() => setCredits({ tiers: [...credits.tiers, { key: newKey("credit"), belowAvailability: "98", creditShare: "50" }] })}
          >
            Add credit tier
          </Button>
        }
      >
        <div className="space-y-2">
          {credits.tiers.length === 0 && <p className="text-xs text-slate-500">No credits: a missed target costs the provider nothing.</p>}
          {credits.tiers.map((tier, i) => (
            <div key={tier.key} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
              <CompactField
                label={`Credit tier ${i + 1}: below`}
                unit="%"
                inputMode="decimal"
                value={tier.belowAvailability}
                onChange={(e) => setCreditTier(i, { belowAvailability: e.target.value })}
                error={errorAt(errors, `credits.tiers.${i}.belowAvailability`)}
              />
              <CompactField
                label="Credit"
                unit="% of fee"
                inputMode="decimal"
                value={tier.creditShare}
                onChange={(e) => setCreditTier(i, { creditShare: e.target.value })}
                error={errorAt(errors, `credits.tiers.${i}.creditShare`)}
              />
              <Button size="sm" variant="ghost" className="mt-4" aria-label={`Remove credit tier ${i + 1}`} onClick={() => setCredits({ tiers: credits.tiers.filter((_, j) => j !== i) })}>
                Remove
              </Button>
            </div>
          ))}
          <div className="grid grid-cols-2 gap-2">
            <CompactField label="Monthly fee" unit={money} inputMode="numeric" value={credits.monthlyFee} onChange={(e) => setCredits({ monthlyFee: e.target.value })} error={errorAt(errors, "credits.monthlyFee")} />
            <CompactField
              label="Example outage"
              unit="min"
              inputMode="numeric"
              value={credits.exampleOutageMinutes}
              onChange={(e) => setCredits({ exampleOutageMinutes: e.target.value })}
              error={errorAt(errors, "credits.exampleOutageMinutes")}
            />
          </div>
        </div>
      </FieldGroup>
    </form>
  );
}
